package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While Temporal cannot be reached the API stays up, says so in its health check, and still accepts
 * leads: 201 with status STARTING (never shown as running without a workflow); outcomes answer 503
 * with Retry-After. The failure is real: a second app instance on the same database, with its worker
 * on, points at a Temporal port where nothing listens, and starts anyway. The same request repairs the
 * lead at once on a healthy instance (the periodic reconciler would within a minute).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntakeRepairTest {
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> HEALTHY =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void withTemporalDownALeadIsAcceptedAsStartingAndTheSameRequestRepairsIt() throws Exception {
    Map<String, Object> lead = Leads.valid();
    DropwizardTestSupport<LeadCadenceConfiguration> temporalDown =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(DB));
    temporalDown.before(); // starts although Temporal does not answer (its worker waits for it)
    long id;
    try {
      ApiClient downApi = new ApiClient(temporalDown.getLocalPort(), DemoDealership.API_KEY);
      Reply accepted = downApi.post("/v1/leads", lead);
      assertEquals(201, accepted.status(), accepted.body().toString());
      id = accepted.body().path("id").asLong();
      assertEquals("STARTING", accepted.body().path("status").asText());
      assertEquals("STARTING", statusOf(id), "never shown as active without a workflow");

      Reply outcome = downApi.post("/v1/leads/" + id + "/outcomes", Map.of("type", "CONTACTED"));
      assertEquals(503, outcome.status(), outcome.body().toString());
      assertEquals("5", outcome.retryAfter());
      assertTrue(outcome.body().path("errors").get(0).path("message").asText().contains("retry"));
      assertEquals(503, downApi.post("/v1/leads/" + id + "/pause", "{}").status());

      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + temporalDown.getAdminPort() + "/healthcheck")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(500, health.statusCode(), "the health check says Temporal is down");
      assertTrue(health.body().contains("does not answer"), health.body());
    } finally {
      temporalDown.after();
    }

    // The healthy instance's reconciler may get there first (it looks every 20 s): either way the
    // lead ends up ACTIVE with its workflow, and the same request answers it.
    ApiClient api = new ApiClient(HEALTHY.getLocalPort(), DemoDealership.API_KEY);
    Reply repaired = api.post("/v1/leads", lead);
    assertTrue(repaired.status() == 201 || repaired.status() == 200, repaired.body().toString());
    assertEquals(id, repaired.body().path("id").asLong());
    assertEquals("ACTIVE", repaired.body().path("status").asText());
    Leads.await(Duration.ofSeconds(15), "the repaired cadence's first touch",
        () -> api.get("/v1/leads/" + id).body().path("touches").size() > 0);

    Reply duplicate = api.post("/v1/leads", lead);
    assertEquals(200, duplicate.status());
    assertEquals(id, duplicate.body().path("id").asLong());
  }

  private static String statusOf(long id) {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT status FROM leads WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }
}
