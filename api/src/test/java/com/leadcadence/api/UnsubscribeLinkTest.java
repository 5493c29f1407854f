package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.unsubscribe.UnsubscribeLinks;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unsubscribe link end to end: the app on MariaDB with the embedded Temporal server, a lead's real
 * workflow and dry-run email whose body carries the link. No PUBLIC_BASE_URL, so the link points at the
 * port the app really bound, as in development; the test follows it like a person would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnsubscribeLinkTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SECRET = "unsubscribe-test-secret";
  private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+)/unsubscribe/([^\\s\"<]+))");

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, config());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ApiClient demo;

  private static LeadCadenceConfiguration config() {
    LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(DB);
    config.getUnsubscribe().setSecret(SECRET);
    config.getUnsubscribe().setRequireSecret(true);
    return config;
  }

  private record Page(int status, String body, HttpResponse<String> response) {}

  private record Lead(long id, long dealershipId, String email) {}

  @BeforeAll
  static void client() {
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void theAckEmailLinksToAPageWhoseButtonUnsubscribesTheAddressOnce() {
    Lead lead = createLead();
    String url = ackEmailLink(lead.id());
    Matcher link = LINK.matcher(url);
    assertTrue(link.matches(), url);
    assertEquals(APP.getLocalPort(), Integer.parseInt(link.group(2)), "the port the API really listens on");

    Page shown = get(url);
    assertEquals(200, shown.status());
    assertTrue(shown.response().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(shown.body().contains(DemoDealership.SEED.name()), shown.body());
    assertTrue(shown.body().contains("<button type=\"submit\">Unsubscribe</button>"), shown.body());
    assertFalse(shown.body().contains(lead.email()), "the address is masked");
    assertTrue(optOutRows(lead).isEmpty(), "a GET (a mail scanner following the link) changes nothing");
    assertFalse(blocked(lead.id()).contains("EMAIL"));

    Page confirmed = post(url, "");
    assertEquals(200, confirmed.status());
    assertTrue(confirmed.body().contains("You are unsubscribed"), confirmed.body());
    List<OptOutRow> rows = optOutRows(lead);
    assertEquals(1, rows.size());
    assertEquals("EMAIL", rows.get(0).channel().name());
    assertEquals("email-link", rows.get(0).source());
    Leads.await(WAIT, "EMAIL blocked in the lead's workflow", () -> blocked(lead.id()).contains("EMAIL"));
    assertFalse(blocked(lead.id()).contains("SMS"), "the other channels go on");

    // A second click, or a mail client's RFC 8058 one-click post: the same answer, nothing more.
    Page again = post(url, "List-Unsubscribe=One-Click");
    assertEquals(200, again.status());
    assertTrue(again.body().contains("You are unsubscribed"));
    assertEquals(1, optOutRows(lead).size());
  }

  @Test
  void aForgedTokenIsANotFoundPageThatChangesNothing() {
    Lead lead = createLead();
    Lead other = createLead();
    String url = ackEmailLink(lead.id());
    String base = url.substring(0, url.indexOf("/unsubscribe/") + "/unsubscribe/".length());
    String token = url.substring(base.length());
    String signature = token.substring(token.indexOf('.') + 1);

    List<String> forged = new ArrayList<>();
    forged.add(other.id() + "." + signature);                                      // another lead's id
    forged.add(lead.id() + "." + flipFirst(signature));                             // a changed signature
    forged.add(new UnsubscribeLinks("not-the-secret", () -> base).token(lead.id())); // another secret
    forged.add(lead.id() + "." + signature.substring(1));                           // a truncated one
    forged.add(String.valueOf(lead.id()));                                          // no signature
    for (String token2 : forged) {
      Page shown = get(base + token2);
      Page posted = post(base + token2, "");
      assertEquals(List.of(404, 404), List.of(shown.status(), posted.status()), token2);
      assertTrue(posted.body().contains("not valid"), posted.body());
    }
    assertTrue(optOutRows(lead).isEmpty() && optOutRows(other).isEmpty(), "no opt-out recorded");
    assertFalse(blocked(lead.id()).contains("EMAIL") || blocked(other.id()).contains("EMAIL"));
  }

  private static Lead createLead() {
    Reply created = demo.post("/v1/leads", Leads.valid());
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    JsonNode row = demo.get("/v1/leads/" + id).body().path("lead");
    long dealershipId = DB.jdbi().withHandle(h -> h.createQuery("SELECT dealership_id FROM leads WHERE id = :id")
        .bind("id", id).mapTo(Long.class).one());
    return new Lead(id, dealershipId, row.path("email").asText());
  }

  private static String ackEmailLink(long leadId) {
    Leads.await(WAIT, "the acknowledgment email", () -> ackBody(leadId) != null);
    String body = ackBody(leadId);
    Matcher link = LINK.matcher(body);
    assertTrue(link.find(), "the email carries the link: " + body);
    assertFalse(body.contains("reply with UNSUBSCRIBE"), body);
    return link.group(1);
  }

  private static String ackBody(long leadId) {
    for (JsonNode touch : demo.get("/v1/leads/" + leadId).body().path("touches")) {
      if (touch.path("stepId").asText().equals("ack") && touch.path("channel").asText().equals("EMAIL")
          && !touch.path("body").asText("").isEmpty()) {
        return touch.path("body").asText();
      }
    }
    return null;
  }

  private static List<String> blocked(long leadId) {
    JsonNode state = demo.get("/v1/leads/" + leadId).body().path("state");
    return StreamSupport.stream(state.path("blockedChannels").spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<OptOutRow> optOutRows(Lead lead) {
    return DB.jdbi().onDemand(OptOutDao.class).listForAddress(lead.dealershipId(), lead.email().toLowerCase());
  }

  private static String flipFirst(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  private static Page get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static Page post(String url, String form) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
