package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The dev mode's Temporal server keeps workflows in memory. After a restart every lead still open in
 * MySQL gets its workflow back, and what the lost workflow had already sent is not sent again.
 */
class LeadReconcilerTest {
  private static final TestDatabase DB = TestDatabase.create();

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  /** The lead's touches, oldest first, each as "stepId#touchId". */
  private static List<String> touchStepIds(JsonNode lead) {
    List<String> ids = new ArrayList<>();
    lead.path("touches").forEach(t -> ids.add(t.path("stepId").asText() + "#" + t.path("id").asLong()));
    return ids;
  }

  @Test
  void aRestartOfTheInMemoryTemporalServerLosesNoLeadAndResendsNothing() throws Exception {
    long id;
    int touchesBefore;
    List<String> performedBefore;
    DropwizardTestSupport<LeadCadenceConfiguration> first =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));
    first.before();
    try {
      ApiClient api = new ApiClient(first.getLocalPort(), DemoDealership.API_KEY);
      Reply created = api.post("/v1/leads", Leads.valid());
      assertEquals(201, created.status(), created.body().toString());
      id = created.body().path("id").asLong();
      // The acknowledgment goes at once; the call task follows at once in business hours, or waits.
      // Whatever was performed is taken once the run has settled: every step done has its touch.
      Leads.await(Duration.ofSeconds(15), "the acknowledgment",
          () -> api.get("/v1/leads/" + id).body().path("touches").size() >= 1);
      Leads.await(Duration.ofSeconds(15), "the first run to settle", () -> {
        JsonNode lead = api.get("/v1/leads/" + id).body();
        return lead.path("touches").size() == lead.path("state").path("stepsDone").asInt();
      });
      Thread.sleep(1000);
      performedBefore = touchStepIds(api.get("/v1/leads/" + id).body());
      touchesBefore = performedBefore.size();
    } finally {
      first.after();
    }

    DropwizardTestSupport<LeadCadenceConfiguration> second =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));
    second.before();
    try {
      ApiClient api = new ApiClient(second.getLocalPort(), DemoDealership.API_KEY);
      Leads.await(Duration.ofSeconds(15), "the lead's workflow started again",
          () -> api.get("/v1/leads/" + id).body().path("state").path("status").asText().equals("ACTIVE"));
      Leads.await(Duration.ofSeconds(15), "the new run to pass the steps already performed",
          () -> api.get("/v1/leads/" + id).body().path("state").path("stepsDone").asInt() >= touchesBefore);
      Thread.sleep(1000);
      List<String> performedAfter = touchStepIds(api.get("/v1/leads/" + id).body());
      assertEquals(performedBefore, performedAfter.subList(0, Math.min(touchesBefore, performedAfter.size())),
          "the steps performed before the restart keep their touches");
      List<String> stepsAfter = performedAfter.stream().map(t -> t.substring(0, t.indexOf('#'))).toList();
      assertEquals(Set.copyOf(stepsAfter).size(), stepsAfter.size(),
          "steps already performed are not performed again: " + performedAfter);

      Reply contacted = api.post("/v1/leads/" + id + "/outcomes", Map.of("type", "CONTACTED"));
      assertEquals(200, contacted.status(), contacted.body().toString());
      assertEquals("CONTACTED", contacted.body().path("status").asText());
      int outcomes = DB.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lead_outcomes WHERE lead_id = :id")
          .bind("id", id).mapTo(Integer.class).one());
      assertEquals(1, outcomes);
    } finally {
      second.after();
    }
  }
}
