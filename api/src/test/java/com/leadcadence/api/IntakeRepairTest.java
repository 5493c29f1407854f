package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lead whose workflow could not start stays STARTING (never shown as running) and the same request
 * repairs it. The failure is real: a second app instance on the same database points at a Temporal
 * port where nothing listens.
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
  void aFailedStartAnswers503AndTheSameRequestRepairsIt() throws Exception {
    Map<String, Object> lead = Leads.valid();
    DropwizardTestSupport<LeadCadenceConfiguration> temporalDown =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(DB));
    temporalDown.before();
    long id;
    try {
      ApiClient downApi = new ApiClient(temporalDown.getLocalPort(), DemoDealership.API_KEY);
      Reply failed = downApi.post("/v1/leads", lead);
      assertEquals(503, failed.status(), failed.body().toString());
      assertTrue(failed.body().path("errors").get(0).path("message").asText().contains("retry"));
      id = leadIdByExternalId((String) lead.get("externalId"));
      assertEquals("STARTING", statusOf(id), "never shown as active without a workflow");
    } finally {
      temporalDown.after();
    }

    ApiClient api = new ApiClient(HEALTHY.getLocalPort(), DemoDealership.API_KEY);
    Reply pending = api.get("/v1/leads/" + id);
    assertEquals(200, pending.status());
    assertEquals("STARTING", pending.body().path("lead").path("status").asText());
    assertTrue(pending.body().path("stateError").asText().contains("not started"), pending.body().toString());
    assertEquals(409, api.post("/v1/leads/" + id + "/outcomes", Map.of("type", "CONTACTED")).status());

    Reply repaired = api.post("/v1/leads", lead);
    assertEquals(201, repaired.status(), repaired.body().toString());
    assertEquals(id, repaired.body().path("id").asLong());
    assertEquals("ACTIVE", repaired.body().path("status").asText());
    Leads.await(Duration.ofSeconds(15), "the repaired cadence's first touch",
        () -> api.get("/v1/leads/" + id).body().path("touches").size() > 0);

    Reply duplicate = api.post("/v1/leads", lead);
    assertEquals(200, duplicate.status());
    assertEquals(id, duplicate.body().path("id").asLong());
  }

  private static long leadIdByExternalId(String externalId) {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT id FROM leads WHERE external_id = :e")
        .bind("e", externalId).mapTo(Long.class).one());
  }

  private static String statusOf(long id) {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT status FROM leads WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }
}
