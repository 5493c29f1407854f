package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault test "Retried outcome": a CRM (or an agent's page) that sends the same outcome again with the
 * same Idempotency-Key gets the first answer again and the outcome is applied once, also when the
 * first one ended the cadence (200 both times, not 409).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetriedOutcomeTest {
  private static final String KEY = "retried-outcome-open-key";
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient demo;
  private static ApiClient dealer;

  @BeforeAll
  static void clients() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
    dealer = new ApiClient(APP.getLocalPort(), KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aRetriedOutcomeIsAppliedOnceAndAnsweredAgainEvenWhenItEndedTheCadence() {
    Reply created = demo.post("/v1/leads", Leads.valid());
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    String path = "/v1/leads/" + id + "/outcomes";

    String noAnswerKey = UUID.randomUUID().toString();
    Reply first = demo.post(path, Map.of("type", "NO_ANSWER", "note", "rang out"), "Idempotency-Key", noAnswerKey);
    assertEquals(200, first.status(), first.body().toString());
    Reply retried = demo.post(path, Map.of("type", "NO_ANSWER", "note", "rang out"), "Idempotency-Key", noAnswerKey);
    assertEquals(200, retried.status(), retried.body().toString());
    assertEquals(first.body(), retried.body(), "the retry gets the first answer");
    assertEquals(1, outcomes(id, "lead-" + id + ":update:outcome/" + noAnswerKey));
    assertEquals(1, outcomes(id, null));

    Reply otherType = demo.post(path, Map.of("type", "SOLD"), "Idempotency-Key", noAnswerKey);
    assertEquals(422, otherType.status(), "one key, one outcome: " + otherType.body());
    assertEquals(400, demo.post(path, Map.of("type", "SOLD"), "Idempotency-Key", "has spaces in it").status());

    String contactedKey = UUID.randomUUID().toString();
    Reply contacted = demo.post(path, Map.of("type", "CONTACTED"), "Idempotency-Key", contactedKey);
    assertEquals(200, contacted.status(), contacted.body().toString());
    assertEquals("CONTACTED", contacted.body().path("status").asText());
    Reply contactedAgain = demo.post(path, Map.of("type", "CONTACTED"), "Idempotency-Key", contactedKey);
    assertEquals(200, contactedAgain.status(), "a retried terminal outcome is not a conflict: " + contactedAgain.body());
    assertEquals(contacted.body(), contactedAgain.body());
    assertEquals(2, outcomes(id, null), "each outcome stored once");

    Reply anotherOutcome = demo.post(path, Map.of("type", "SOLD"), "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(409, anotherOutcome.status(), "a new outcome after the end is still refused");
    assertEquals(409, demo.post(path, Map.of("type", "SOLD")).status());
    assertEquals(2, outcomes(id, null));
  }

  @Test
  void aRetriedTaskCompletionAnswersTheFirstCompletion() {
    Map<String, Object> lead = Leads.valid();
    lead.put("timezone", Leads.afternoonZone());
    lead.put("consent", Map.of("sms", true, "voice", true));
    Reply created = dealer.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    long leadId = created.body().path("id").asLong();
    long taskId = awaitTask(leadId);
    String path = "/v1/tasks/" + taskId + "/complete";

    String key = UUID.randomUUID().toString();
    Reply done = dealer.post(path, Map.of("outcome", "CONTACTED", "note", "spoke"), "Idempotency-Key", key);
    assertEquals(200, done.status(), done.body().toString());
    assertEquals("DONE", done.body().path("task").path("status").asText());
    assertEquals("CONTACTED", done.body().path("lead").path("status").asText());

    Reply again = dealer.post(path, Map.of("outcome", "CONTACTED", "note", "spoke"), "Idempotency-Key", key);
    assertEquals(200, again.status(), "the retry answers the first completion: " + again.body());
    assertEquals(done.body().path("lead"), again.body().path("lead"));
    assertEquals("DONE", again.body().path("task").path("status").asText());
    assertEquals(1, outcomes(leadId, null), "applied once");

    Reply someoneElse = dealer.post(path, Map.of("outcome", "CONTACTED"), "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(409, someoneElse.status(), "another completion of a done task: " + someoneElse.body());
    assertEquals(409, dealer.post(path, Map.of("outcome", "CONTACTED")).status());
  }

  private static long awaitTask(long leadId) {
    long[] found = new long[1];
    Leads.await(Duration.ofSeconds(20), "the call task of lead " + leadId, () -> {
      JsonNode items = dealer.get("/v1/tasks?leadId=" + leadId).body().path("items");
      found[0] = items.size() > 0 ? items.get(0).path("id").asLong() : 0;
      return found[0] != 0;
    });
    return found[0];
  }

  private static int outcomes(long leadId, String key) {
    return DB.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM lead_outcomes WHERE lead_id = :id AND (:key IS NULL OR outcome_key = :key)")
        .bind("id", leadId).bind("key", key).mapTo(Integer.class).one());
  }
}
