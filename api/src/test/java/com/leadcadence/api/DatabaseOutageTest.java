package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.startup.JdbcAddress;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Fault test "Database outage": the app's JDBC URL goes through a TCP proxy in front of MariaDB, which
 * is stopped for 20 s while three threads post leads. The API answers 503 with Retry-After (never a
 * 500), no lead is half-written (every row that exists afterwards has its workflow, and rows are the
 * only way workflows are started), and every accepted lead has its workflow afterwards.
 */
class DatabaseOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @Test
  void whileTheDatabaseIsAwayTheApiAnswers503AndNoLeadIsHalfWritten() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      JdbcAddress direct = JdbcAddress.parse(db.jdbcUrl());
      try (TcpProxy proxy = new TcpProxy(TestApps.freePort(), "127.0.0.1", direct.port())) {
        proxy.start();
        LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(db);
        config.getDatabase().setUrl(direct.onLocalPort(proxy.port()).url());
        DropwizardTestSupport<LeadCadenceConfiguration> app =
            new DropwizardTestSupport<>(LeadCadenceApplication.class, config);
        app.before();
        try {
          ApiClient api = new ApiClient(app.getLocalPort(), DemoDealership.API_KEY);
          Map<Long, Integer> accepted = new ConcurrentHashMap<>();
          Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
          List<String> wrong = new CopyOnWriteArrayList<>();
          AtomicBoolean load = new AtomicBoolean(true);
          ExecutorService posters = Executors.newFixedThreadPool(3);
          for (int i = 0; i < 3; i++) {
            posters.execute(() -> {
              while (load.get()) {
                Reply reply;
                try {
                  reply = api.post("/v1/leads", Leads.valid());
                } catch (RuntimeException e) {
                  wrong.add("no answer: " + e);
                  continue;
                }
                statuses.merge(reply.status(), 1, Integer::sum);
                if (reply.status() == 201) {
                  accepted.put(reply.body().path("id").asLong(), 201);
                } else if (reply.status() != 503 || !"5".equals(reply.retryAfter())
                    || reply.body().toString().contains("Exception")) {
                  wrong.add(reply.status() + " " + reply.retryAfter() + " " + reply.body());
                }
                TemporalOutageTest.sleep(250);
              }
            });
          }
          TemporalOutageTest.sleep(3000);
          proxy.stop();
          TemporalOutageTest.sleep(OUTAGE.toMillis());
          proxy.start();
          TemporalOutageTest.sleep(5000);
          load.set(false);
          posters.shutdown();
          assertTrue(posters.awaitTermination(60, TimeUnit.SECONDS));

          assertEquals(List.of(), wrong, "only 201 or 503 with Retry-After, never a 500; statuses " + statuses);
          assertTrue(statuses.getOrDefault(503, 0) > 0, "the outage was seen: " + statuses);
          assertTrue(accepted.size() >= 10, "leads were accepted: " + statuses);

          // Every row (accepted or cut off mid-request) gets its workflow: none stays STARTING.
          Leads.await(Duration.ofSeconds(60), "every lead row with its workflow", () -> countStarting(db) == 0);
          for (long id : accepted.keySet()) {
            Reply view = api.get("/v1/leads/" + id);
            assertEquals(200, view.status(), view.body().toString());
            assertFalse(view.body().path("state").isMissingNode() || view.body().path("state").isNull(),
                "lead " + id + " has its workflow: " + view.body());
          }
          int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Integer.class).one());
          System.out.printf("Database outage: statuses %s; %d accepted, %d rows, every row with its workflow%n",
              statuses, accepted.size(), rows);
        } finally {
          app.after();
        }
      }
    }
  }

  private static int countStarting(TestDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads WHERE status = 'STARTING'")
        .mapTo(Integer.class).one());
  }
}
