package com.leadcadence.bench;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.Migrations;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.StoreJdbi;
import com.leadcadence.store.dao.FunnelReportDao;
import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.reports.ReportFactsRefresh;
import com.leadcadence.store.rows.FunnelCounts;
import com.leadcadence.store.testing.FunnelDataSet;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The funnel reports on a scratch database of 100,000 leads (FunnelDataSet: touches, outcomes, tasks,
 * e-mail engagement, opt-outs) received over a year in the demo dealership's zone: the first refresh of
 * the leads' report facts (every lead dirty after seeding), then every report query (each groupBy, speed
 * to lead, at risk) run several times over one month and over the longest range a report allows (the
 * whole year), printing p50 and max milliseconds, after EXPLAIN of the funnel and at-risk queries so the
 * indexes they use can be read; then what the report-facts triggers cost a write (TriggerCost), and a
 * report that finds 100 dirty leads to refresh first. The database is dropped and re-created unless --reuse.
 */
public final class FunnelReportBenchmark {
  private static final ZoneId ZONE = ZoneId.of(DemoDealership.SEED.timeZone());
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 1);
  private static final LocalDate END_DAY = LocalDate.of(2026, 12, 1);

  static final class Options {
    int leads = 100_000;
    int runs = 7;
    String database = "127.0.0.1:3306";
    String name = "lc_bench_funnel";
    boolean reuse;
    int writes = 2_000;
  }

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    PrintStream out = System.out;
    String url = "jdbc:mysql://" + options.database + "/" + options.name + "?rewriteBatchedStatements=true";
    if (!options.reuse) {
      Jdbi.create("jdbc:mysql://" + options.database + "/", "root", "")
          .useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + options.name));
    }
    Migrations.ensureDatabaseExists(url, "root", "");
    MysqlDataSource dataSource = new MysqlDataSource();
    dataSource.setURL(url);
    dataSource.setUser("root");
    dataSource.setPassword("");
    Migrations.migrate(dataSource);
    Jdbi jdbi = StoreJdbi.configure(Jdbi.create(dataSource));
    long dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    Instant end = END_DAY.atStartOfDay(ZONE).toInstant();
    long existing = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Long.class).one());
    if (existing < options.leads) {
      List<Long> agents = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        agents.add(jdbi.withHandle(h -> h.createUpdate(
                "INSERT INTO agents (dealership_id, name, role) VALUES (:d, :name, 'AGENT')")
            .bind("d", dealershipId).bind("name", "Bench agent " + n).executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class).one()));
      }
      long seeding = System.nanoTime();
      FunnelDataSet data = FunnelDataSet.generate(2026, options.leads, dealershipId, agents, start, end,
          existing + 1, 1 + jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM touches")
              .mapTo(Long.class).one()));
      data.insert(jdbi, 2_000);
      jdbi.useHandle(h -> h.execute("ANALYZE TABLE leads, touches, lead_outcomes, tasks, provider_events, opt_outs"));
      out.printf(Locale.ROOT, "seeded %d leads in %.1f s%n", options.leads, (System.nanoTime() - seeding) / 1e9);
    }
    jdbi.useHandle(h -> {
      for (String table : List.of("leads", "touches", "lead_outcomes", "tasks", "provider_events", "opt_outs")) {
        out.printf(Locale.ROOT, "  %-16s %,10d rows%n", table,
            h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
      }
    });

    long refreshing = System.nanoTime();
    int refreshed = jdbi.withHandle(h -> new ReportFactsRefresh(h).refreshAll());
    out.printf(Locale.ROOT, "%nfirst refresh of the report facts: %,d leads in %.1f s (batches of %,d)%n", refreshed,
        (System.nanoTime() - refreshing) / 1e9, ReportFactsRefresh.BATCH);

    FunnelReportDao reports = SharedDaos.onDemand(jdbi, FunnelReportDao.class);
    Instant monthStart = LocalDate.of(2026, 11, 1).atStartOfDay(ZONE).toInstant();
    out.println();
    out.println("EXPLAIN funnel groupBy=source, month:");
    jdbi.useHandle(h -> explain(out, h, FunnelReportDao.FUNNEL.replace("<groupKey>", FunnelGrouping.SOURCE.sqlExpression()),
        dealershipId, monthStart, end));
    out.println("EXPLAIN at-risk:");
    jdbi.useHandle(h -> out.println(table(h.createQuery("EXPLAIN " + FunnelReportDao.AT_RISK)
        .bind("dealershipId", dealershipId).bind("agentId", (Long) null).bind("now", end).bind("limit", 100)
        .mapToMap().list())));
    Map<String, Instant[]> ranges = new java.util.LinkedHashMap<>();
    ranges.put("month (2026-11-01..2026-11-30)", new Instant[] {monthStart, end});
    ranges.put("year (2025-12-01..2026-11-30)", new Instant[] {start, end});
    out.printf(Locale.ROOT, "%n%-32s %-26s %8s %8s %8s  (%d runs after one warm-up)%n", "range", "query", "leads",
        "p50 ms", "max ms", options.runs);
    time(out, options.runs, "now (open leads)", "at-risk (100)",
        () -> (long) reports.atRisk(dealershipId, null, end, 100).size());
    for (Map.Entry<String, Instant[]> range : ranges.entrySet()) {
      Instant from = range.getValue()[0];
      Instant to = range.getValue()[1];
      for (FunnelGrouping grouping : FunnelGrouping.values()) {
        // By variant: at the data set's A/B step.
        String step = grouping == FunnelGrouping.VARIANT ? FunnelDataSet.VARIANT_STEP : null;
        time(out, options.runs, range.getKey(), "funnel groupBy=" + grouping.name().toLowerCase(Locale.ROOT),
            () -> reports.funnel(dealershipId, from, to, grouping, step).stream().filter(FunnelCounts::total)
                .findFirst().orElseThrow().leads());
      }
      time(out, options.runs, range.getKey(), "speed-to-lead", () -> reports.speedToLead(dealershipId, from, to).leads());
    }
    new TriggerCost(jdbi, out).measure(dealershipId, options.writes);
    Instant dayStart = LocalDate.of(2026, 11, 30).atStartOfDay(ZONE).toInstant();
    out.println();
    out.printf(Locale.ROOT, "%-32s %-26s %8s %8s %8s  (%d runs after one warm-up)%n", "range", "query", "leads",
        "p50 ms", "max ms", options.runs);
    time(out, options.runs, "today (2026-11-30)", "funnel groupBy=none",
        () -> reports.funnel(dealershipId, dayStart, end, FunnelGrouping.NONE).get(0).leads());
    // A report that finds leads to refresh first (the background refresh has not passed yet).
    for (int dirty : List.of(100, 1_000)) {
      time(out, options.runs, "month, " + dirty + " leads dirty", "funnel groupBy=none",
          () -> TriggerCost.markDirty(jdbi, dealershipId, monthStart, dirty),
          () -> reports.funnel(dealershipId, monthStart, end, FunnelGrouping.NONE).get(0).leads());
    }
  }

  private static void explain(PrintStream out, Handle h, String sql, long dealershipId, Instant from, Instant to) {
    out.println(table(h.createQuery("EXPLAIN " + sql).bind("dealershipId", dealershipId).bind("from", from)
        .bind("to", to).mapToMap().list()));
  }

  /** Warm-up once, then runs timed runs; the answer printed is the last run's lead count. */
  private static void time(PrintStream out, int runs, String range, String query, Supplier<Long> run) {
    time(out, runs, range, query, () -> { }, run);
  }

  /** As above, with an untimed step before each run. */
  private static void time(PrintStream out, int runs, String range, String query, Runnable before,
      Supplier<Long> run) {
    before.run();
    run.get();
    List<Double> millis = new ArrayList<>();
    long leads = 0;
    for (int i = 0; i < runs; i++) {
      before.run();
      long t0 = System.nanoTime();
      leads = run.get();
      millis.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(millis);
    out.printf(Locale.ROOT, "%-32s %-26s %8d %8.0f %8.0f%n", range, query, leads, millis.get((runs - 1) / 2),
        millis.get(runs - 1));
  }

  private static String table(List<Map<String, Object>> rows) {
    StringBuilder text = new StringBuilder();
    List<String> columns = List.of("id", "select_type", "table", "type", "key", "key_len", "ref", "rows", "Extra");
    text.append(String.join(" | ", columns)).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        String value = "";
        for (Map.Entry<String, Object> cell : row.entrySet()) {
          if (cell.getKey().equalsIgnoreCase(column)) {
            value = String.valueOf(cell.getValue());
          }
        }
        cells.add(value);
      }
      text.append(String.join(" | ", cells)).append('\n');
    }
    return text.toString();
  }

  static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--leads" -> options.leads = Integer.parseInt(args[++i]);
        case "--runs" -> options.runs = Integer.parseInt(args[++i]);
        case "--database" -> options.database = args[++i];
        case "--name" -> options.name = args[++i];
        case "--reuse" -> options.reuse = true;
        case "--writes" -> options.writes = Integer.parseInt(args[++i]);
        case "--help", "-h" -> {
          System.out.println("""
              bench/funnel-report [--leads 100000] [--runs 7] [--writes 2000] [--database 127.0.0.1:3306] [--name lc_bench_funnel] [--reuse]
                Seeds a scratch database (dropped first unless --reuse) with --leads leads over a year, times the first
                refresh of the report facts and every report query, then what the report-facts triggers add to --writes
                single-row writes; needs MariaDB/MySQL at --database (root, no password).""");
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--help)");
      }
    }
    return options;
  }
}
