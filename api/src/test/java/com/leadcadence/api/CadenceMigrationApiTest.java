package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /v1/cadences/{name}/migrate and GET /v1/cadences/{name}/migrations/{id} against the app with its
 * embedded Temporal server and worker: a dry run answered complete, a migration followed to DONE, the
 * 422s naming their field, and the credentials (401, 403, another dealership's migration 404).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CadenceMigrationApiTest {
  private static final String KEY = "migration-dealer-key";
  private static final String OTHER_KEY = "migration-other-key";
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static ApiClient other;
  /** The plan intake gave the test's leads (by their grade), and those leads. */
  private static String plan;
  private static final List<Long> LEADS = new ArrayList<>();

  @BeforeAll
  static void leadsOnAVersionAndASecondVersion() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
    for (int i = 0; i < 2; i++) {
      Reply created = dealer.post("/v1/leads", Leads.with(Leads.valid(), "timezone", Leads.afternoonZone()));
      assertEquals(201, created.status(), created.body().toString());
      LEADS.add(created.body().path("id").asLong());
    }
    plan = DB.jdbi().withHandle(h -> h.createQuery("SELECT plan_name FROM leads WHERE id = :id")
        .bind("id", LEADS.get(0)).mapTo(String.class).one());
    Leads.await(Duration.ofSeconds(20), "both leads' first steps", () -> LEADS.stream().allMatch(id ->
        dealer.get("/v1/leads/" + id).body().path("state").path("stepsDone").asInt() >= 1));
    // Version 2: the same steps, so every lead's position has its counterpart.
    JsonNode v1 = dealer.get("/v1/cadences/" + plan).body();
    Reply v2 = dealer.put("/v1/cadences/" + plan, "application/json", v1.toString());
    assertEquals(200, v2.status(), v2.body().toString());
    assertEquals(2, v2.body().path("version").asInt());
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  @Order(1)
  void aDryRunIsAnsweredCompleteAndChangesNothing() throws Exception {
    HttpResponse<String> posted = postWithHeaders("/v1/cadences/" + plan + "/migrate",
        "{\"fromVersion\": 1, \"toVersion\": 2, \"dryRun\": true}");
    JsonNode body = ApiClient.JSON.readTree(posted.body());
    assertEquals(200, posted.statusCode(), body.toString());
    long id = body.path("id").asLong();
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/v1/cadences/" + plan + "/migrations/" + id), location);
    assertEquals("DONE", body.path("status").asText());
    assertTrue(body.path("dryRun").asBoolean());
    assertEquals(2, body.path("total").asInt(), body.toString());
    assertEquals(2, body.path("counts").path("switched").asInt(), body.toString());
    assertEquals(Set.copyOf(LEADS), leadIds(body));
    body.path("items").forEach(item -> assertEquals("SWITCHED", item.path("outcome").asText(), item.toString()));
    for (long lead : LEADS) {
      assertEquals(1, planVersion(lead), "a dry run moves no lead");
    }

    Reply read = dealer.get("/v1/cadences/" + plan + "/migrations/" + id + "?outcome=NO_COUNTERPART");
    assertEquals(200, read.status(), read.body().toString());
    assertEquals(0, read.body().path("items").size());
    Reply paged = dealer.get("/v1/cadences/" + plan + "/migrations/" + id + "?limit=1");
    assertEquals(1, paged.body().path("items").size());
    String cursor = paged.body().path("nextCursor").asText();
    Reply second = dealer.get("/v1/cadences/" + plan + "/migrations/" + id + "?limit=1&cursor=" + cursor);
    assertEquals(1, second.body().path("items").size());
    assertTrue(second.body().path("nextCursor").isNull());
    assertEquals(400, dealer.get("/v1/cadences/" + plan + "/migrations/" + id + "?outcome=MAYBE").status());
  }

  @Test
  @Order(2)
  void aMigrationIsStartedAndFollowedToItsEnd() {
    Reply started = dealer.post("/v1/cadences/" + plan + "/migrate", Map.of("fromVersion", 1, "toVersion", 2,
        "leadsPerSecond", 50));
    assertEquals(202, started.status(), started.body().toString());
    assertEquals("RUNNING", started.body().path("status").asText());
    long id = started.body().path("id").asLong();
    String path = "/v1/cadences/" + plan + "/migrations/" + id;
    Leads.await(Duration.ofSeconds(30), "the migration to end",
        () -> "DONE".equals(dealer.get(path).body().path("status").asText()));
    JsonNode done = dealer.get(path).body();
    assertEquals(2, done.path("processed").asInt(), done.toString());
    assertEquals(2, done.path("counts").path("switched").asInt(), done.toString());
    assertTrue(done.hasNonNull("finishedAt"));
    for (long lead : LEADS) {
      assertEquals(2, planVersion(lead), "lead " + lead + " runs version 2");
    }
    assertEquals(404, other.get(path).status(), "another dealership's migration");
    assertEquals(404, dealer.get("/v1/cadences/standard-x/migrations/" + id).status(), "another plan's");
    assertEquals(404, dealer.get("/v1/cadences/" + plan + "/migrations/999999").status());

    Reply back = dealer.post("/v1/cadences/" + plan + "/migrate", Map.of("fromVersion", 1, "toVersion", 2));
    assertEquals(202, back.status(), back.body().toString());
    assertEquals(0, back.body().path("total").asInt(), "no lead runs version 1 any more");
  }

  @Test
  void versionsThatDoNotFitAre422NamingTheField() {
    String migrate = "/v1/cadences/" + plan + "/migrate";
    assertEquals(List.of("fromVersion"), dealer.post(migrate, Map.of("toVersion", 2)).errorFields());
    assertEquals(List.of("toVersion"), dealer.post(migrate, Map.of("fromVersion", 1)).errorFields());
    Reply same = dealer.post(migrate, Map.of("fromVersion", 2, "toVersion", 2));
    assertEquals(422, same.status());
    assertEquals(List.of("toVersion"), same.errorFields());
    Reply missingTo = dealer.post(migrate, Map.of("fromVersion", 1, "toVersion", 9));
    assertEquals(422, missingTo.status());
    assertEquals(List.of("toVersion"), missingTo.errorFields());
    assertTrue(missingTo.body().toString().contains("has no version 9"), missingTo.body().toString());
    assertEquals(List.of("fromVersion"), dealer.post(migrate, Map.of("fromVersion", 7, "toVersion", 1)).errorFields());
    assertEquals(List.of("toVersion"), other.post(migrate, Map.of("fromVersion", 1, "toVersion", 2)).errorFields(),
        "version 2 is this dealership's own");
    assertEquals(List.of("leadsPerSecond"),
        dealer.post(migrate, Map.of("fromVersion", 1, "toVersion", 2, "leadsPerSecond", 0)).errorFields());
    assertEquals(404, dealer.post("/v1/cadences/lukewarm/migrate", Map.of("fromVersion", 1, "toVersion", 2)).status());
    assertEquals(400, dealer.post(migrate, Map.of("fromVersion", 1, "toVersion", 2, "when", "now")).status());
  }

  @Test
  void aKeyIsNeededAndAnAgentsTokenIsNotEnough() {
    String migrate = "/v1/cadences/" + plan + "/migrate";
    assertEquals(401, dealer.as("no-such-key").post(migrate, Map.of("fromVersion", 1, "toVersion", 2)).status());
    assertEquals(401, dealer.as("no-such-key").get("/v1/cadences/" + plan + "/migrations/1").status());
    long agent = dealer.get("/v1/agents").body().path("items").get(0).path("id").asLong();
    Reply issued = dealer.post("/v1/agents/" + agent + "/token", "{}");
    assertEquals(201, issued.status(), issued.body().toString());
    ApiClient agentClient = dealer.as(issued.body().path("token").asText());
    assertEquals(403, agentClient.post(migrate, Map.of("fromVersion", 1, "toVersion", 2)).status());
    assertEquals(403, agentClient.get("/v1/cadences/" + plan + "/migrations/1").status());
  }

  private static Set<Long> leadIds(JsonNode migration) {
    Set<Long> ids = new TreeSet<>();
    migration.path("items").forEach(item -> ids.add(item.path("leadId").asLong()));
    return ids;
  }

  private static int planVersion(long leadId) {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT plan_version FROM leads WHERE id = :id")
        .bind("id", leadId).mapTo(Integer.class).one());
  }

  /** A POST whose headers the test reads (ApiClient answers status and body only). */
  private static HttpResponse<String> postWithHeaders(String path, String json) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
        .header("Authorization", "Bearer " + KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
