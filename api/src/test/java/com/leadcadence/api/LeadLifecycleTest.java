package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API end to end: real MariaDB, the embedded Temporal test server over gRPC (real time), the
 * worker with dry-run senders, all in the app under test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String OTHER_KEY = "other-dealership-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient demo;
  private static ApiClient other;

  @BeforeAll
  static void clients() {
    new DealershipSeeder(DB.jdbi()).seed(DemoDealership.SEED.withApiKey(OTHER_KEY));
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void createdLeadGetsItsAcknowledgmentAndAContactedOutcomeEndsTheCadence() throws Exception {
    Reply created = demo.post("/v1/leads", Leads.valid());
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    assertEquals("lead-" + id, created.body().path("workflowId").asText());
    assertEquals("ACTIVE", created.body().path("status").asText());
    assertEquals("A", created.body().path("grade").asText());
    assertTrue(created.body().path("score").asInt() >= 76);

    Leads.await(WAIT, "the acknowledgment email", () -> touches(id).stream()
        .anyMatch(t -> t.path("channel").asText().equals("EMAIL") && t.path("stepId").asText().equals("ack")));
    Reply view = demo.get("/v1/leads/" + id);
    assertEquals(200, view.status());
    assertEquals("ACTIVE", view.body().path("state").path("status").asText(), view.body().toString());
    JsonNode ack = view.body().path("touches").get(0);
    assertEquals("EMAIL", ack.path("channel").asText());
    assertEquals("SENT", ack.path("status").asText());
    assertTrue(ack.path("recipient").asText().endsWith("@example.com"), "email is stored lower-cased");
    assertTrue(view.body().path("lead").path("phone").asText().startsWith("+1312555"), "phone in E.164");

    Reply outcome = demo.post("/v1/leads/" + id + "/outcomes", Map.of("type", "CONTACTED", "note", "spoke"));
    assertEquals(200, outcome.status(), outcome.body().toString());
    assertEquals("CONTACTED", outcome.body().path("status").asText());
    assertTrue(outcome.body().path("contactMade").asBoolean());

    int touchesAtEnd = touches(id).size();
    Thread.sleep(1500);
    Reply after = demo.get("/v1/leads/" + id);
    assertEquals(touchesAtEnd, after.body().path("touches").size(), "no touch after the cadence ended");
    assertEquals("CONTACTED", after.body().path("state").path("status").asText());
    Leads.await(WAIT, "the row to follow the workflow", () ->
        demo.get("/v1/leads/" + id).body().path("lead").path("status").asText().equals("CONTACTED"));

    Reply again = demo.post("/v1/leads/" + id + "/outcomes", Map.of("type", "NO_ANSWER"));
    assertEquals(409, again.status(), again.body().toString());
    assertNotNull(again.body().path("errors").get(0).path("message").asText());
  }

  @Test
  void duplicateIntakeAnswersTheExistingLeadAndStartsNothing() {
    Map<String, Object> lead = Leads.valid();
    Reply first = demo.post("/v1/leads", lead);
    assertEquals(201, first.status());
    Reply second = demo.post("/v1/leads", lead);
    assertEquals(200, second.status(), second.body().toString());
    assertEquals(first.body().path("id").asLong(), second.body().path("id").asLong());
    assertEquals(first.body().path("workflowId").asText(), second.body().path("workflowId").asText());
    int rows = DB.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM leads WHERE external_id = :externalId")
        .bind("externalId", (String) lead.get("externalId"))
        .mapTo(Integer.class).one());
    assertEquals(1, rows);
  }

  @Test
  void optOutAllEndsTheCadenceAndBlocksTheAddresses() {
    long id = demo.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    Reply optOut = demo.post("/v1/leads/" + id + "/opt-out", Map.of("channels", List.of("ALL")));
    assertEquals(200, optOut.status(), optOut.body().toString());
    assertEquals("OPTED_OUT", optOut.body().path("status").asText(), optOut.body().toString());

    JsonNode lead = demo.get("/v1/leads/" + id).body().path("lead");
    List<String> emailChannels = optOutChannels(lead.path("email").asText());
    List<String> phoneChannels = optOutChannels(lead.path("phone").asText());
    assertEquals(List.of("EMAIL"), emailChannels);
    assertEquals(List.of("CALL", "SMS"), phoneChannels);

    Reply outcome = demo.post("/v1/leads/" + id + "/outcomes", Map.of("type", "CONTACTED"));
    assertEquals(409, outcome.status(), "an opted-out lead takes no outcome: " + outcome.body());
  }

  @Test
  void pauseAndResume() {
    long id = demo.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    Reply paused = demo.post("/v1/leads/" + id + "/pause", Map.of("reason", "customer on vacation"));
    assertEquals(200, paused.status(), paused.body().toString());
    assertEquals("PAUSED", paused.body().path("status").asText());
    assertEquals("PAUSED", demo.get("/v1/leads/" + id).body().path("state").path("status").asText());

    Reply resumed = demo.post("/v1/leads/" + id + "/resume", "{}");
    assertEquals(200, resumed.status(), resumed.body().toString());
    assertEquals("ACTIVE", resumed.body().path("status").asText());
  }

  @Test
  void aDealershipCannotSeeOrChangeAnotherDealershipsLead() {
    long id = demo.post("/v1/leads", Leads.valid()).body().path("id").asLong();

    assertEquals(404, other.get("/v1/leads/" + id).status());
    assertEquals(404, other.post("/v1/leads/" + id + "/outcomes", Map.of("type", "SOLD")).status());
    assertEquals(404, other.post("/v1/leads/" + id + "/opt-out", Map.of("channels", List.of("ALL"))).status());
    assertEquals(404, other.post("/v1/leads/" + id + "/pause", "{}").status());
    assertEquals(404, demo.get("/v1/leads/999999").status());

    JsonNode view = demo.get("/v1/leads/" + id).body();
    assertEquals("ACTIVE", view.path("state").path("status").asText(), "the other key changed nothing");
    assertEquals(List.of(), optOutChannels(view.path("lead").path("email").asText()));
  }

  @Test
  void requestsWithoutAValidKeyAreRefused() {
    Reply noKey = new ApiClient(APP.getLocalPort(), null).get("/v1/leads/1");
    assertEquals(401, noKey.status());
    assertEquals("Authorization", noKey.errorFields().get(0));
    assertEquals(401, new ApiClient(APP.getLocalPort(), "not-a-key").post("/v1/leads", Leads.valid()).status());
  }

  private static List<JsonNode> touches(long id) {
    List<JsonNode> list = new java.util.ArrayList<>();
    demo.get("/v1/leads/" + id).body().path("touches").forEach(list::add);
    return list;
  }

  private static List<String> optOutChannels(String address) {
    return DB.jdbi().withHandle(h -> h.createQuery(
            "SELECT channel FROM opt_outs WHERE address = :address ORDER BY channel")
        .bind("address", address)
        .mapTo(String.class).list());
  }
}
