package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.worker.EmbeddedTemporalServer;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Fault test "Temporal outage": the app reaches a Temporal server over gRPC through a TCP proxy, which
 * is stopped for 30 s (the outage) while three threads post leads. Every lead is accepted (201; STARTING while
 * Temporal is away), and each has its workflow and its acknowledgment sent within a minute of the
 * proxy's return, without any request being retried.
 */
class TemporalOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  /** The target: a CRM that does not retry has every lead started within a minute. */
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  @Test
  void leadsPostedWhileTemporalIsAwayAreAcceptedAndStartWithinAMinuteOfItsReturn() throws Exception {
    try (TestDatabase db = TestDatabase.create();
        EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(TestApps.freePort());
        TcpProxy proxy = new TcpProxy(TestApps.freePort(), "127.0.0.1", temporal.port())) {
      proxy.start();
      DropwizardTestSupport<LeadCadenceConfiguration> app = new DropwizardTestSupport<>(
          LeadCadenceApplication.class, TestApps.withTemporalAt(db, "127.0.0.1:" + proxy.port()));
      app.before();
      try {
        ApiClient api = new ApiClient(app.getLocalPort(), DemoDealership.API_KEY);
        Map<Long, Integer> accepted = new ConcurrentHashMap<>();
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean load = new AtomicBoolean(true);
        ExecutorService posters = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
          posters.execute(() -> {
            while (load.get()) {
              Reply reply = api.post("/v1/leads", Leads.valid());
              if (reply.status() == 201) {
                accepted.put(reply.body().path("id").asLong(), 201);
              } else {
                refused.add(reply.status() + " " + reply.body());
              }
              sleep(250);
            }
          });
        }
        sleep(3000);
        proxy.stop();
        sleep(OUTAGE.toMillis());
        int startingDuringOutage = countStarting(db);
        proxy.start();
        long back = System.nanoTime();
        sleep(3000);
        load.set(false);
        posters.shutdown();
        assertTrue(posters.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(List.of(), refused, "every lead is accepted");
        assertTrue(accepted.size() >= 20, "load was offered: " + accepted.size());
        assertTrue(startingDuringOutage > 0, "leads arrived during the outage");
        List<Long> ids = new ArrayList<>(accepted.keySet());
        Duration left = RECOVERY.minusNanos(System.nanoTime() - back);
        Leads.await(left, "every lead ACTIVE with its acknowledgment", () -> ids.stream().allMatch(
            id -> started(db, id)));
        System.out.printf("Temporal outage: %d leads accepted (%d STARTING during the outage), all started "
            + "with their acknowledgment %.1f s after the proxy's return%n", ids.size(), startingDuringOutage,
            (System.nanoTime() - back) / 1e9);
      } finally {
        app.after();
      }
    }
  }

  private static boolean started(TestDatabase db, long id) {
    return db.jdbi().withHandle(h -> h.createQuery("""
            SELECT COUNT(*) FROM leads l JOIN touches t ON t.lead_id = l.id AND t.step_id = 'ack'
            WHERE l.id = :id AND l.status = 'ACTIVE' AND t.status IN ('SENT', 'DELIVERED')
            """).bind("id", id).mapTo(Integer.class).one()) > 0;
  }

  private static int countStarting(TestDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads WHERE status = 'STARTING'")
        .mapTo(Integer.class).one());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
