package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks out to the CRM, end to end: real MariaDB, the embedded Temporal server over gRPC (real time)
 * with the delivery workflows on the in-process worker, a receiver on this machine, and the retry
 * schedule shrunk (200 ms doubling to 1 s, give up after 6 s). Signatures are checked by the verifier
 * written here from the README's rule, not by the product's signer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OutboundWebhooksTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String KEY = "webhooks-dealer-key";
  private static final String OTHER_KEY = "webhooks-other-dealer-key";
  /** A dealership of its own for the life-of-a-lead test, so that no other test's lead reaches its CRM. */
  private static final String LIFE_KEY = "webhooks-life-dealer-key";
  private static final List<String> LIFE_EVENTS = List.of("lead.created", "touch.sent", "task.created",
      "task.completed", "outcome.recorded", "lead.status_changed");

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, config());
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  private static ApiClient dealer;
  private static ApiClient other;
  private static ApiClient lifeDealer;

  private static LeadCadenceConfiguration config() {
    return withShrunkRetries(TestApps.withEmbeddedTemporal(DB));
  }

  /** Dispatch every 200 ms, retries from 200 ms doubling to 1 s, given up after 6 s; local receivers allowed. */
  static LeadCadenceConfiguration withShrunkRetries(LeadCadenceConfiguration config) {
    WebhookSettings webhooks = config.getWebhooks();
    webhooks.setDispatchInterval(io.dropwizard.util.Duration.milliseconds(200));
    webhooks.setInitialRetryInterval(io.dropwizard.util.Duration.milliseconds(200));
    webhooks.setMaximumRetryInterval(io.dropwizard.util.Duration.seconds(1));
    webhooks.setGiveUpAfter(io.dropwizard.util.Duration.seconds(6));
    webhooks.setRequestTimeout(io.dropwizard.util.Duration.seconds(2));
    webhooks.setAllowPrivateAddresses(true); // the receiver is on 127.0.0.1
    return config;
  }

  @BeforeAll
  static void clients() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(DemoDealership.SEED.withApiKey(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(LIFE_KEY));
    lifeDealer = new ApiClient(APP.getLocalPort(), LIFE_KEY);
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    DB.close();
  }

  @Test
  void aLeadsLifeArrivesSignedOncePerEventAndInOrderAfterTheReceiverRecovers() {
    String url = RECEIVER.failingFirst("/crm/flaky", 3);
    Reply created = lifeDealer.post("/v1/webhooks", Map.of("url", url, "events", LIFE_EVENTS));
    assertEquals(201, created.status(), created.body().toString());
    long subscription = created.body().path("id").asLong();
    String secret = created.body().path("secret").asText();
    assertTrue(secret.startsWith("whsec_") && secret.length() > 30, secret);
    assertEquals(LIFE_EVENTS, texts(created.body().path("events")));
    JsonNode listed = only(lifeDealer.get("/v1/webhooks").body().path("items"), subscription);
    assertTrue(listed.path("secret").isMissingNode(), "the secret is shown once: " + listed);

    // Where it is afternoon now: the call task (and its event) comes at once whatever time the suite runs.
    Map<String, Object> body = Leads.with(Leads.valid(), "timezone", Leads.afternoonZone());
    long lead = lifeDealer.post("/v1/leads", body).body().path("id").asLong();
    Leads.await(WAIT, "the acknowledgment and the call task to reach the CRM", () ->
        acceptedTypes("/crm/flaky", lead).containsAll(List.of("lead.created", "touch.sent", "task.created")));
    Reply outcome = lifeDealer.post("/v1/leads/" + lead + "/outcomes", Map.of("type", "CONTACTED", "note", "spoke"));
    assertEquals(200, outcome.status(), outcome.body().toString());
    Leads.await(WAIT, "the outcome and the status change to reach the CRM", () ->
        acceptedTypes("/crm/flaky", lead).contains("lead.status_changed"));

    List<WebhookReceiver.Request> requests = RECEIVER.requestsTo("/crm/flaky");
    long now = Instant.now().getEpochSecond();
    for (WebhookReceiver.Request request : requests) {
      assertTrue(IndependentVerifier.verify(secret, request.signature(), request.rawBody(), now),
          "signature " + request.signature() + " over " + request.rawBody());
      assertEquals(json(request.rawBody()).path("id").asText(), request.eventIdHeader());
    }
    // the verifier is not vacuous: another body, another secret or an old timestamp fail
    WebhookReceiver.Request first = requests.get(0);
    assertFalse(IndependentVerifier.verify(secret, first.signature(), first.rawBody().replace("lead.", "Lead."), now));
    assertFalse(IndependentVerifier.verify(secret + "x", first.signature(), first.rawBody(), now));
    assertFalse(IndependentVerifier.verify(secret, first.signature(), first.rawBody(), now + 301));

    // lead.created was refused three times, then accepted; nothing of the lead overtook it
    assertEquals(List.of(503, 503, 503, 204), requests.subList(0, 4).stream().map(WebhookReceiver.Request::answered).toList());
    Set<String> firstIds = new HashSet<>();
    requests.subList(0, 4).forEach(r -> firstIds.add(json(r.rawBody()).path("id").asText()));
    assertEquals(1, firstIds.size(), "the retries carry the same event id");
    List<Long> attemptedIds = requests.stream().map(r -> json(r.rawBody()).path("id").asLong()).toList();
    for (int i = 1; i < attemptedIds.size(); i++) {
      assertTrue(attemptedIds.get(i) >= attemptedIds.get(i - 1), "events in order: " + attemptedIds);
    }
    List<JsonNode> accepted = accepted("/crm/flaky", lead);
    List<Long> acceptedIds = accepted.stream().map(e -> e.path("id").asLong()).toList();
    assertEquals(new HashSet<>(acceptedIds).size(), acceptedIds.size(), "each event delivered once: " + acceptedIds);
    List<String> types = accepted.stream().map(e -> e.path("type").asText()).toList();
    assertEquals("lead.created", types.get(0), types.toString());
    assertTrue(types.indexOf("touch.sent") > 0 && types.indexOf("task.created") > 0, types.toString());
    assertTrue(types.indexOf("outcome.recorded") < types.indexOf("lead.status_changed"), types.toString());
    assertTrue(types.indexOf("task.completed") > types.indexOf("task.created"), types.toString());

    for (JsonNode event : accepted) {
      assertEquals(lead, event.path("leadId").asLong());
      assertEquals(body.get("externalId"), event.path("externalId").asText());
      assertEquals("website", event.path("source").asText());
      assertNotNull(Instant.parse(event.path("occurredAt").asText()));
      assertTrue(event.path("data").isObject(), event.toString());
    }
    JsonNode statusChange = accepted.get(types.indexOf("lead.status_changed"));
    assertEquals("ACTIVE", statusChange.path("data").path("from").asText(), statusChange.toString());
    assertEquals("CONTACTED", statusChange.path("data").path("to").asText());
    assertEquals("CONTACTED", accepted.get(types.indexOf("outcome.recorded")).path("data").path("outcome").asText());
    assertEquals("EMAIL", accepted.get(types.indexOf("touch.sent")).path("data").path("channel").asText());

    JsonNode deliveries = lifeDealer.get("/v1/webhooks/" + subscription + "/deliveries").body().path("items");
    JsonNode firstDelivery = deliveries.get(deliveries.size() - 1);
    assertEquals("lead.created", firstDelivery.path("eventType").asText(), deliveries.toString());
    assertEquals("DELIVERED", firstDelivery.path("status").asText());
    assertEquals(4, firstDelivery.path("attempts").asInt(), "three refusals and the success are recorded");
    assertEquals(204, firstDelivery.path("lastStatusCode").asInt());
  }

  @Test
  void aDeliveryWithoutA2xxBeforeTheDeadlineIsMarkedFailedAndListed() {
    String url = RECEIVER.url("/down/crm");
    long subscription = dealer.post("/v1/webhooks", Map.of("url", url, "events", List.of("lead.created")))
        .body().path("id").asLong();
    long lead = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();

    Leads.await(WAIT, "the delivery to be given up", () ->
        dealer.get("/v1/webhooks/" + subscription + "/deliveries?status=FAILED").body().path("items").size() == 1);
    JsonNode failed = dealer.get("/v1/webhooks/" + subscription + "/deliveries?status=FAILED").body().path("items").get(0);
    assertEquals(lead, failed.path("leadId").asLong());
    assertEquals("lead.created", failed.path("eventType").asText());
    assertEquals(500, failed.path("lastStatusCode").asInt(), failed.toString());
    int attempts = failed.path("attempts").asInt();
    assertTrue(attempts >= 3, "retried with backoff before giving up: " + failed);
    assertEquals(attempts, RECEIVER.requestsTo("/down/crm").size(), "every attempt is counted");
    // given up when the next retry would pass the deadline (at most the 1 s maximum interval before it)
    Instant giveUpAt = Instant.parse(failed.path("giveUpAt").asText());
    assertFalse(Instant.parse(failed.path("finishedAt").asText()).isBefore(giveUpAt.minusSeconds(2)), failed.toString());
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
  }

  @Test
  void anotherDealershipNeitherSeesNorDeletesNorFeedsTheWebhooks() throws Exception {
    long subscription = dealer.post("/v1/webhooks",
        Map.of("url", RECEIVER.url("/crm/isolated"), "events", List.of("lead.created"))).body().path("id").asLong();

    assertTrue(ids(other.get("/v1/webhooks").body().path("items")).stream().noneMatch(id -> id == subscription));
    assertEquals(404, other.get("/v1/webhooks/" + subscription + "/deliveries").status());
    assertEquals(404, other.delete("/v1/webhooks/" + subscription).status());
    assertTrue(ids(dealer.get("/v1/webhooks").body().path("items")).contains(subscription));

    long othersLead = other.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    long ownLead = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    Leads.await(WAIT, "the dealership's own lead to arrive", () -> !accepted("/crm/isolated", ownLead).isEmpty());
    assertTrue(accepted("/crm/isolated", othersLead).isEmpty(), "another dealership's lead never reaches this CRM");
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
  }

  @Test
  void aDeletedWebhookIsGoneAndGetsNothingMore() throws Exception {
    long subscription = dealer.post("/v1/webhooks",
        Map.of("url", RECEIVER.url("/crm/deleted"), "events", List.of("lead.created"))).body().path("id").asLong();
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
    assertEquals(404, dealer.delete("/v1/webhooks/" + subscription).status());
    assertEquals(404, dealer.get("/v1/webhooks/" + subscription + "/deliveries").status());
    assertFalse(ids(dealer.get("/v1/webhooks").body().path("items")).contains(subscription));

    long lead = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    Thread.sleep(2000); // ten dispatch passes
    assertEquals(List.of(), RECEIVER.requestsTo("/crm/deleted"), "lead " + lead + " went to a deleted webhook");
  }

  @Test
  void anEventDispatchedTwiceIsDeliveredOnce() throws Exception {
    long subscription = dealer.post("/v1/webhooks",
        Map.of("url", RECEIVER.url("/crm/once"), "events", List.of("lead.created"))).body().path("id").asLong();
    long lead = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    Leads.await(WAIT, "the first delivery", () -> accepted("/crm/once", lead).size() == 1);

    int reset = DB.jdbi().withHandle(h -> h.createUpdate(
        "UPDATE lead_events SET dispatched_at = NULL WHERE lead_id = :lead AND type = 'lead.created'")
        .bind("lead", lead).execute());
    assertEquals(1, reset);
    Leads.await(WAIT, "the event to be dispatched again", () -> DB.jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM lead_events WHERE lead_id = :lead AND dispatched_at IS NULL")
        .bind("lead", lead).mapTo(Integer.class).one()) == 0);
    Thread.sleep(1500);
    assertEquals(1, RECEIVER.requestsTo("/crm/once").stream()
        .filter(r -> json(r.rawBody()).path("leadId").asLong() == lead).count());
    assertEquals(1, dealer.get("/v1/webhooks/" + subscription + "/deliveries").body().path("items").size());
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
  }

  @Test
  void anOptOutReachesTheCrm() {
    long subscription = dealer.post("/v1/webhooks",
        Map.of("url", RECEIVER.url("/crm/optouts"), "events", List.of("optout.recorded"))).body().path("id").asLong();
    long lead = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    assertEquals(200, dealer.post("/v1/leads/" + lead + "/opt-out", Map.of("channels", List.of("SMS"))).status());
    Leads.await(WAIT, "the opt-out event", () -> !accepted("/crm/optouts", lead).isEmpty());
    JsonNode event = accepted("/crm/optouts", lead).get(0);
    assertEquals("optout.recorded", event.path("type").asText());
    assertEquals("SMS", event.path("data").path("channel").asText());
    assertEquals("api", event.path("data").path("source").asText(), event.toString());
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
  }

  @Test
  void badSubscriptionsAre422NamingTheField() {
    List<String> events = List.of("lead.created");
    assertEquals(List.of("url"), dealer.post("/v1/webhooks", Map.of("url", "ftp://crm.example.com/in", "events", events)).errorFields());
    assertEquals(List.of("url"), dealer.post("/v1/webhooks", Map.of("url", "https://user:pw@crm.example.com/in", "events", events)).errorFields());
    assertEquals(List.of("url"), dealer.post("/v1/webhooks", Map.of("events", events)).errorFields());
    assertEquals(List.of("events"), dealer.post("/v1/webhooks", Map.of("url", "https://crm.example.com/in", "events", List.of())).errorFields());
    Reply unknown = dealer.post("/v1/webhooks", Map.of("url", "https://crm.example.com/in", "events", List.of("lead.deleted")));
    assertEquals(422, unknown.status());
    assertEquals(List.of("events"), unknown.errorFields());
    assertTrue(unknown.body().toString().contains("lead.deleted"), unknown.body().toString());
    long subscription = dealer.post("/v1/webhooks", Map.of("url", "https://crm.example.com/in", "events", events))
        .body().path("id").asLong();
    assertEquals(List.of("cursor"), dealer.get("/v1/webhooks/" + subscription + "/deliveries?cursor=nonsense").errorFields());
    assertEquals(List.of("status"), dealer.get("/v1/webhooks/" + subscription + "/deliveries?status=LOST").errorFields());
    assertEquals(List.of("limit"), dealer.get("/v1/webhooks/" + subscription + "/deliveries?limit=0").errorFields());
    assertEquals(204, dealer.delete("/v1/webhooks/" + subscription).status());
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** The receiver's verification, written from the README: HMAC-SHA256 of "<t>.<raw body>", 5-minute window. */
  static final class IndependentVerifier {
    static boolean verify(String secret, String header, String rawBody, long nowSeconds) {
      if (header == null) {
        return false;
      }
      Map<String, String> parts = new HashMap<>();
      for (String part : header.split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
      }
      if (!parts.containsKey("t") || !parts.containsKey("v1")) {
        return false;
      }
      long t = Long.parseLong(parts.get("t"));
      if (Math.abs(nowSeconds - t) > 300) {
        return false;
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + rawBody).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : expected) {
          hex.append(String.format("%02x", b));
        }
        return MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII),
            parts.get("v1").getBytes(StandardCharsets.US_ASCII));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Events of the lead the receiver answered 2xx at that path, in arrival order. */
  private static List<JsonNode> accepted(String path, long leadId) {
    List<JsonNode> events = new ArrayList<>();
    for (WebhookReceiver.Request request : RECEIVER.requestsTo(path)) {
      JsonNode event = json(request.rawBody());
      if (request.answered() / 100 == 2 && event.path("leadId").asLong() == leadId) {
        events.add(event);
      }
    }
    return events;
  }

  private static List<String> acceptedTypes(String path, long leadId) {
    return accepted(path, leadId).stream().map(e -> e.path("type").asText()).toList();
  }

  private static JsonNode json(String text) {
    try {
      return ApiClient.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<Long> ids(JsonNode items) {
    List<Long> ids = new ArrayList<>();
    items.forEach(n -> ids.add(n.path("id").asLong()));
    return ids;
  }

  private static JsonNode only(JsonNode items, long id) {
    for (JsonNode item : items) {
      if (item.path("id").asLong() == id) {
        return item;
      }
    }
    throw new AssertionError("webhook " + id + " not listed in " + items);
  }
}
