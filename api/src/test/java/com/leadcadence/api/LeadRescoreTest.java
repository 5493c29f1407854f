package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/leads/{id}/score} end to end (real MariaDB, the embedded Temporal server, the worker with
 * dry-run senders and the default plan files): a CRM's rescore into another grade moves the running lead to
 * that grade's plan, which its live state, its row and its timeline show.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadRescoreTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "rescore-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;

  @BeforeAll
  static void clients() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aRescoreIntoAnotherGradeMovesTheRestOfTheCadenceToThatGradesPlan() {
    Reply created = dealer.post("/v1/leads", Leads.with(Leads.valid(), "timezone", Leads.afternoonZone()));
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    String grade = created.body().path("grade").asText();
    Leads.await(WAIT, "the acknowledgment", () -> dealer.get("/v1/leads/" + id).body().path("touches").size() > 0);
    String before = dealer.get("/v1/leads/" + id).body().path("state").path("planName").asText();
    // Into A from any other grade, into B from A: either way another grade's plan.
    int newScore = grade.equals("A") ? 60 : 95;
    String expected = grade.equals("A") ? "standard" : "hot";
    assertTrue(!before.equals(expected), before);

    Reply rescored = dealer.post("/v1/leads/" + id + "/score", Map.of("score", newScore));
    assertEquals(200, rescored.status(), rescored.body().toString());
    assertEquals(newScore, rescored.body().path("score").asInt());

    Leads.await(WAIT, "the lead to run the " + expected + " plan", () ->
        dealer.get("/v1/leads/" + id).body().path("state").path("planName").asText().equals(expected));
    Leads.await(WAIT, "the row to name the plan", () -> (expected + " v1").equals(DB.jdbi().withHandle(h -> h
        .createQuery("SELECT CONCAT(plan_name, ' v', plan_version) FROM leads WHERE id = :id")
        .bind("id", id).mapTo(String.class).one())));
    List<JsonNode> plans = new ArrayList<>();
    dealer.get("/v1/leads/" + id + "/timeline").body().path("items").forEach(e -> {
      if (e.path("kind").asText().equals("plan")) {
        plans.add(e);
      }
    });
    assertEquals(1, plans.size(), plans.toString());
    assertTrue(plans.get(0).path("summary").asText().startsWith("plan " + before + " v1 -> " + expected + " v1"),
        plans.get(0).toString());
    String newGrade = grade.equals("A") ? "B" : "A";
    assertEquals("grade " + grade + " to " + newGrade + " (rescored)", plans.get(0).path("cause").asText());
  }

  @Test
  void aScoreOutsideZeroToAHundredIsRefusedNamingTheField() {
    Reply created = dealer.post("/v1/leads", Leads.valid());
    long id = created.body().path("id").asLong();

    Reply refused = dealer.post("/v1/leads/" + id + "/score", Map.of("score", 101));

    assertEquals(422, refused.status(), refused.body().toString());
    assertTrue(refused.body().toString().contains("score"), refused.body().toString());
    assertEquals(404, dealer.post("/v1/leads/999999/score", Map.of("score", 50)).status());
  }
}
