package com.leadcadence.bench;

import com.leadcadence.store.reports.ReportFactsRefresh;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the report-facts triggers (V19) add to a write: the same single-row writes, each its own
 * transaction as the cadence's are, on touches (which has the triggers) and on a copy of it with the same
 * indexes and foreign key but no triggers, alternated in rounds so that both see the same machine. A
 * touch is inserted, then marked SENT (a change the triggers mark): two marks per lead. Then the refresh of
 * the leads so marked. The touches written are deleted again at the end (and their leads refreshed).
 */
final class TriggerCost {
  private static final int ROUNDS = 4;
  private static final String KEY_PREFIX = "bench-trigger-cost-";
  private static final String COPY = "touches_without_triggers";

  private final Jdbi jdbi;
  private final PrintStream out;

  TriggerCost(Jdbi jdbi, PrintStream out) {
    this.jdbi = jdbi;
    this.out = out;
  }

  void measure(long dealershipId, int writes) {
    jdbi.useHandle(h -> {
      h.execute("DROP TABLE IF EXISTS " + COPY);
      h.execute("CREATE TABLE " + COPY + " LIKE touches");
      h.execute("ALTER TABLE " + COPY + " ADD CONSTRAINT fk_" + COPY + "_lead FOREIGN KEY (lead_id) REFERENCES leads (id)");
      h.execute("DELETE FROM touches WHERE idempotency_key LIKE '" + KEY_PREFIX + "%'");
    });
    refreshAll();
    List<Long> leads = jdbi.withHandle(h -> h.createQuery("""
            SELECT id FROM leads WHERE dealership_id = :d AND status <> 'DUPLICATE' ORDER BY RAND(9) LIMIT :n
            """).bind("d", dealershipId).bind("n", writes).mapTo(Long.class).list());
    int perRound = leads.size() / ROUNDS;
    double[] insertNanos = new double[2];
    double[] updateNanos = new double[2];
    jdbi.useHandle(h -> {
      for (int round = 0; round < ROUNDS; round++) {
        List<Long> slice = leads.subList(round * perRound, (round + 1) * perRound);
        for (int turn = 0; turn < 2; turn++) {
          int table = (round + turn) % 2;  // which goes first alternates
          String name = table == 0 ? "touches" : COPY;
          insertNanos[table] += timed(() -> slice.forEach(lead -> insertTouch(h, name, lead)));
          updateNanos[table] += timed(() -> slice.forEach(lead -> markSent(h, name, lead)));
        }
      }
    });
    int measured = perRound * ROUNDS;
    long refreshing = System.nanoTime();
    int refreshed = refreshAll();
    double refreshMs = (System.nanoTime() - refreshing) / 1e6;
    out.printf(Locale.ROOT, "%nwhat the report-facts triggers add to a write (%,d single-row writes each, autocommit):%n",
        measured);
    row("INSERT touch", insertNanos, measured);
    row("UPDATE touch to SENT", updateNanos, measured);
    out.printf(Locale.ROOT, "  refresh of the %,d leads so marked: %.0f ms (%.2f ms per lead)%n", refreshed, refreshMs,
        refreshMs / Math.max(1, refreshed));

    jdbi.useHandle(h -> {
      h.execute("DELETE FROM touches WHERE idempotency_key LIKE '" + KEY_PREFIX + "%'");
      h.execute("DROP TABLE " + COPY);
    });
    refreshAll();
  }

  /** Marks n random leads of the dealership received since `since` dirty, as n writes to them would. */
  static void markDirty(Jdbi jdbi, long dealershipId, Instant since, int n) {
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO lead_report_facts_dirty (lead_id)
            SELECT id FROM leads WHERE dealership_id = :d AND created_at >= :since ORDER BY RAND() LIMIT :n
            """).bind("d", dealershipId).bind("since", since).bind("n", n).execute());
  }

  private int refreshAll() {
    return jdbi.withHandle(h -> new ReportFactsRefresh(h).refreshAll());
  }

  private void row(String write, double[] nanos, int writes) {
    double with = nanos[0] / writes / 1e3;
    double without = nanos[1] / writes / 1e3;
    out.printf(Locale.ROOT, "  %-22s with triggers %7.0f us, without %7.0f us: %+6.0f us per write (%+.0f%%)%n", write,
        with, without, with - without, 100 * (with - without) / without);
  }

  private static void insertTouch(Handle h, String table, long lead) {
    h.createUpdate("INSERT INTO " + table + " (lead_id, step_index, step_id, channel, template_id, idempotency_key,"
            + " status, performed_at) VALUES (:lead, 99, 'bench', 'SMS', 'bench', :key, 'PENDING', CURRENT_TIMESTAMP(3))")
        .bind("lead", lead).bind("key", KEY_PREFIX + lead).execute();
  }

  private static void markSent(Handle h, String table, long lead) {
    h.createUpdate("UPDATE " + table + " SET status = 'SENT', provider = 'bench' WHERE idempotency_key = :key")
        .bind("key", KEY_PREFIX + lead).execute();
  }

  private static long timed(Runnable work) {
    long t0 = System.nanoTime();
    work.run();
    return System.nanoTime() - t0;
  }
}
