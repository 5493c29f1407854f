package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Temporal unreachable a migration is refused with 503 and Retry-After, and nothing is recorded. */
class CadenceMigrationTemporalDownTest {
  private static final String KEY = "migration-down-key";

  @Test
  void aMigrationWhileTemporalIsAwayIs503AndRecordsNothing() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      DropwizardTestSupport<LeadCadenceConfiguration> app =
          new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(db));
      app.before();
      try {
        new DealershipSeeder(db.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
        ApiClient api = new ApiClient(app.getLocalPort(), KEY);
        JsonNode v1 = api.get("/v1/cadences/standard").body();
        assertEquals(200, api.put("/v1/cadences/standard", "application/json", v1.toString()).status());

        Reply refused = api.post("/v1/cadences/standard/migrate", Map.of("fromVersion", 1, "toVersion", 2));
        assertEquals(503, refused.status(), refused.body().toString());
        assertEquals("5", refused.retryAfter());
        int recorded = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cadence_migrations")
            .mapTo(Integer.class).one());
        assertEquals(0, recorded);
      } finally {
        app.after();
      }
    }
  }
}
