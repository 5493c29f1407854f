package com.leadcadence.api;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Speed to the agent: the time from POST /v1/leads (request sent) to the lead's task.created event
 * arriving on a connected task stream, over N leads, with the whole product in one JVM as the README's
 * first command runs it (embedded Temporal over gRPC, the worker, MariaDB, dry-run senders). Prints
 * percentiles; asserts nothing. Run: {@code mvn -B -Pbench -DskipTests verify} (-Dbench.leads=N).
 */
public final class TaskStreamLatencyBenchmark {
  private static final String KEY = "bench-key";
  private static final int WARM_UP = 20;

  private TaskStreamLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    TestDatabase db = TestDatabase.create();
    DropwizardTestSupport<LeadCadenceConfiguration> app =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(db));
    app.before();
    try {
      new DealershipSeeder(db.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
      ApiClient client = new ApiClient(app.getLocalPort(), KEY);
      try (TaskStreamClient stream = TaskStreamClient.open(app.getLocalPort(), KEY, null)) {
        measure(client, stream, WARM_UP);
        List<Double> millis = measure(client, stream, leads);
        report(leads, millis);
      }
    } finally {
      app.after();
      db.close();
    }
    System.exit(0);
  }

  /** One lead at a time: each latency is the product's own, not a queue behind earlier leads. */
  private static List<Double> measure(ApiClient client, TaskStreamClient stream, int leads) throws Exception {
    List<Double> millis = new ArrayList<>();
    Map<Long, Long> early = new HashMap<>();
    for (int i = 0; i < leads; i++) {
      Map<String, Object> lead = Leads.valid();
      lead.put("timezone", Leads.afternoonZone());
      long start = System.nanoTime();
      ApiClient.Reply created = client.post("/v1/leads", lead);
      if (created.status() != 201) {
        throw new IllegalStateException("intake failed: " + created.body());
      }
      long id = created.body().path("id").asLong();
      Long arrived = early.remove(id);
      while (arrived == null) {
        TaskStreamClient.Event e = stream.next(Duration.ofSeconds(30));
        if (e == null) {
          throw new IllegalStateException("no task event for lead " + id + " within 30 s");
        }
        if ("task.created".equals(e.type())) {
          long leadId = e.data().path("leadId").asLong();
          if (leadId == id) {
            arrived = e.receivedNanos();
          } else {
            early.put(leadId, e.receivedNanos());
          }
        }
      }
      millis.add((arrived - start) / 1e6);
    }
    return millis;
  }

  private static void report(int leads, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf("%nPOST /v1/leads -> task.created on a connected stream, %d leads one after another:%n",
        leads);
    System.out.printf("  p50 %.0f ms   p90 %.0f ms   p99 %.0f ms   max %.0f ms   min %.0f ms%n",
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1),
        sorted.get(0));
    System.out.printf("  (%d cores, Java %s)%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
