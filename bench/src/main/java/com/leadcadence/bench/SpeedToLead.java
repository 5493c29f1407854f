package com.leadcadence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Speed to lead: the product's fat jar as a child process (embedded Temporal test server, worker,
 * MariaDB, the real SendGrid and Twilio SDKs pointed at {@link ProviderStandIn}), offered leads at fixed
 * rates (open loop), and in the same run a bare Temporal baseline ({@link TemporalBaseline}) on the same
 * kind of server. Prints intake latency, time from the POST to the acknowledgment email at the stand-in,
 * the sustained rate and its ratio to the baseline, errors and the product's peak RSS.
 *
 * <p>Latencies are measured from each lead's scheduled send time (not from when the client got round to
 * sending it), so a stalled server cannot hide its queue (no coordinated omission).
 */
public final class SpeedToLead {
  static final String DEMO_KEY = "demo-key";
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run does; {@link #parse} reads it from the command line. Defaults as in {@link #usage}. */
  public static final class Options {
    public List<String> rates = List.of("0.5x", "1x");
    public double durationSeconds = 30;
    public double warmUpSeconds = 60;
    /** Leads/s during the warm-up ("Nx" = N times the baseline). */
    public String warmUpRate = "0.25x";
    public double drainSeconds = 30;
    public int baselineWorkflows = 1000;
    public int baselineWarmUp = 3000;
    /** null: measure it. */
    public Double baselineRate;
    public Path workDir = Path.of(".");
    public Path jar = Path.of("api/target/lead-cadence.jar");
    public Path config = Path.of("config/dev.yml");
    public String database = "127.0.0.1:3306";
    public List<String> jvmOptions = List.of();
    public Path jfr;
    public Path log = Path.of("bench/target/speed-to-lead/product.log");
    public boolean keepDatabase;
    /** How long the product may take to answer after its start (a machine shared with builds is slow). */
    public double startTimeoutSeconds = 120;
  }

  /** One offered rate: what was sent and what came back. */
  public record Step(String label, double offeredRate, int leads, int accepted, int intakeErrors, int acked,
      List<Double> intakeMillis, List<Double> firstTouchMillis, double sustainedRate, CpuUse.Per cpuPerLead,
      TemporalBaseline.Result baselineNextTo) {
    int errors() {
      return intakeErrors + (accepted - acked);
    }

    Step nextTo(TemporalBaseline.Result baseline) {
      return new Step(label, offeredRate, leads, accepted, intakeErrors, acked, intakeMillis, firstTouchMillis,
          sustainedRate, cpuPerLead, baseline);
    }

    /** The sustained rate over the baseline measured right before this step, else over the given one. */
    double ratio(double runBaseline) {
      return sustainedRate / (baselineNextTo == null ? runBaseline : baselineNextTo.perSecond());
    }
  }

  /** The whole run; baselineCpuMillis is NaN when the baseline was given, not measured. */
  public record Report(double baselineRate, double baselineCpuMillis, List<Step> steps, long peakRssKib,
      long emails, long texts, long calls) {
    /** The best ratio of a step without errors to its baseline (measured right before it, if measured). */
    double ratio() {
      return best().map(s -> s.ratio(baselineRate)).orElse(0.0);
    }

    /** The step without errors with the best ratio. */
    Optional<Step> best() {
      return steps.stream().filter(s -> s.errors() == 0).max(Comparator.comparingDouble(s -> s.ratio(baselineRate)));
    }
  }

  private SpeedToLead() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    Report report = run(options, System.out);
    System.exit(report.steps().stream().allMatch(s -> s.errors() == 0) ? 0 : 1);
  }

  static String usage() {
    return """
        usage: bench/speed-to-lead [options]
          --rates LIST          leads/s to offer, in order; Nx = N times the baseline (default 0.5x,1x)
          --duration S          seconds each rate is offered (default 30)
          --warm-up S           seconds of leads first, not counted, so that both JVMs are compiled
                                (default 60; 0: none)
          --warm-up-rate R      leads/s during the warm-up; Nx = N times the baseline (default 0.25x:
                                below saturation, so that no backlog reaches the first measured rate)
          --drain S             how long to wait for acknowledgments after the last POST (default 30)
          --start-timeout S     how long the product may take to start answering (default 120)
          --baseline-workflows N  workflows in the baseline's measured burst (default 1000)
          --baseline-warm-up N  baseline workflows first, not counted (default 3000)
          --baseline-rate R     skip the baseline; take R workflows/s as its rate
          --jfr FILE            record the product with JFR (profile settings) into FILE
          --jvm-opts 'OPTS'     extra JVM options for the product (space-separated)
          --database HOST:PORT  the MariaDB/MySQL server (root, no password; default 127.0.0.1:3306);
                                a fresh database is created there and dropped afterwards
          --keep-database       do not drop it
          --work-dir DIR        the repository (default: the current directory)
          --jar FILE, --config FILE, --log FILE  (defaults api/target/lead-cadence.jar, config/dev.yml,
                                bench/target/speed-to-lead/product.log)
        """;
  }

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--keep-database")) {
        o.keepDatabase = true;
        continue;
      }
      if (name.equals("--help") || name.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--rates" -> o.rates = List.of(value.split(","));
        case "--duration" -> o.durationSeconds = Double.parseDouble(value);
        case "--warm-up" -> o.warmUpSeconds = Double.parseDouble(value);
        case "--warm-up-rate" -> o.warmUpRate = value;
        case "--drain" -> o.drainSeconds = Double.parseDouble(value);
        case "--start-timeout" -> o.startTimeoutSeconds = Double.parseDouble(value);
        case "--baseline-workflows" -> o.baselineWorkflows = Integer.parseInt(value);
        case "--baseline-warm-up" -> o.baselineWarmUp = Integer.parseInt(value);
        case "--baseline-rate" -> o.baselineRate = Double.parseDouble(value);
        case "--jfr" -> o.jfr = Path.of(value);
        case "--jvm-opts" -> o.jvmOptions = List.of(value.trim().split("\\s+"));
        case "--database" -> o.database = value;
        case "--jar" -> o.jar = Path.of(value);
        case "--config" -> o.config = Path.of(value);
        case "--log" -> o.log = Path.of(value);
        case "--work-dir" -> o.workDir = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    List<String> allRates = new ArrayList<>(o.rates);
    allRates.add(o.warmUpRate);
    for (String rate : allRates) {
      if (!(rate(rate, 1) > 0)) {
        throw new IllegalArgumentException("a rate must be positive: " + rate);
      }
    }
    return o;
  }

  /** A rate as given: leads/s, or "Nx", N times the baseline. */
  private static double rate(String rate, double baseline) {
    return rate.endsWith("x") ? Double.parseDouble(rate.substring(0, rate.length() - 1)) * baseline
        : Double.parseDouble(rate);
  }

  public static Report run(Options o, PrintStream out) throws Exception {
    Path workDir = o.workDir.toAbsolutePath().normalize();
    Path jar = workDir.resolve(o.jar);
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException(jar + " is missing: build it first (mvn -B -DskipTests package)");
    }
    String serverUrl = "jdbc:mysql://" + o.database + "/";
    try (Connection c = DriverManager.getConnection(serverUrl, "root", "")) {
      c.isValid(2);
    } catch (Exception e) {
      throw new IllegalStateException("no MariaDB/MySQL answers at " + o.database + " (root, no password): " + e);
    }
    out.printf("speed-to-lead: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), LocalDate.now());

    boolean measured = o.baselineRate == null;
    try (TemporalBaseline bare = measured ? TemporalBaseline.start(ProductProcess.freePort()) : null) {
      double baseline;
      double baselineCpuMillis = Double.NaN;
      if (measured) {
        out.printf("baseline: bare Temporal workflows (one no-op activity) on TestServer.createPortBoundServer, "
            + "%d warm-up + %d measured...%n", o.baselineWarmUp, o.baselineWorkflows);
        if (o.baselineWarmUp > 0) {
          bare.burst(o.baselineWarmUp);
        }
        TemporalBaseline.Result b = bare.burst(o.baselineWorkflows);
        baseline = b.perSecond();
        baselineCpuMillis = b.machineCpuMillisPerWorkflow();
        out.printf("baseline: %d workflows completed in %.2f s = %.1f workflows/s; machine CPU %.1f ms per "
            + "workflow%n", b.workflows(), b.seconds(), baseline, b.machineCpuMillisPerWorkflow());
      } else {
        baseline = o.baselineRate;
        out.printf("baseline: given, %.1f workflows/s (not measured)%n", baseline);
      }
      return runProduct(o, out, workDir, jar, serverUrl, bare, baseline, baselineCpuMillis);
    }
  }

  /**
   * The product's part of a run. bare (null when the baseline was given): measured again right before
   * each step, so that every step has a baseline from the same minutes.
   */
  private static Report runProduct(Options o, PrintStream out, Path workDir, Path jar, String serverUrl,
      TemporalBaseline bare, double baseline, double baselineCpuMillis) throws Exception {
    String database = "lc_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    int apiPort = ProductProcess.freePort();
    int adminPort = ProductProcess.freePort();
    int temporalPort = ProductProcess.freePort();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Step> steps = new ArrayList<>();
    long peakRss;
    try (ProviderStandIn standIn = new ProviderStandIn()) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("API_PORT", Integer.toString(apiPort));
      env.put("ADMIN_PORT", Integer.toString(adminPort));
      env.put("TEMPORAL_EMBEDDED_PORT", Integer.toString(temporalPort));
      env.put("DATABASE_URL", serverUrl + database);
      env.put("SENDGRID_API_KEY", "SG.bench-not-a-key");
      env.put("SENDGRID_API_BASE_URL", standIn.baseUrl());
      env.put("TWILIO_ACCOUNT_SID", ProviderStandIn.ACCOUNT_SID);
      env.put("TWILIO_AUTH_TOKEN", "bench-not-a-token");
      env.put("TWILIO_FROM_NUMBER", "+13125550100");
      env.put("TWILIO_API_BASE_URL", standIn.baseUrl());
      env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + apiPort);
      env.put("UNSUBSCRIBE_SECRET", "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
      List<String> jvm = new ArrayList<>(o.jvmOptions);
      if (o.jfr != null) {
        jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
            + o.jfr.toAbsolutePath());
      }
      Path log = workDir.resolve(o.log);
      long startNanos = System.nanoTime();
      try (ProductProcess product = ProductProcess.start(workDir, jar, o.config, jvm, env, log)) {
        try {
          product.awaitReady(http, apiPort, DEMO_KEY, Duration.ofMillis((long) (o.startTimeoutSeconds * 1000)));
          out.printf("product: pid %d ready in %.1f s (API :%d, admin :%d, Temporal :%d, database %s); log %s%n",
              product.pid(), (System.nanoTime() - startNanos) / 1e9, apiPort, adminPort, temporalPort, database,
              workDir.relativize(log));
          String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
          List<Double> rates = o.rates.stream().map(r -> rate(r, baseline)).toList();
          if (o.warmUpSeconds > 0) {
            Step w = step(http, standIn, apiPort, run, "warm-up", rate(o.warmUpRate, baseline), o.warmUpSeconds,
                o.drainSeconds, product::cpu);
            out.printf("warm-up: %d leads at %.1f/s, %d acknowledged (not counted)%n", w.leads(), w.offeredRate(),
                w.acked());
          }
          for (int i = 0; i < rates.size(); i++) {
            TemporalBaseline.Result nextTo = bare == null ? null : bare.burst(o.baselineWorkflows);
            // The same rate may be offered twice: the run tag keeps each step's external ids its own.
            Step s = step(http, standIn, apiPort, run + "-" + i, o.rates.get(i), rates.get(i), o.durationSeconds,
                o.drainSeconds, product::cpu).nextTo(nextTo);
            steps.add(s);
            print(out, s, baseline);
          }
        } catch (Exception e) {
          out.println("product log tail:\n" + product.tail(30));
          throw e;
        } finally {
          peakRss = product.peakRssKib();
        }
      }
      Report report = new Report(baseline, baselineCpuMillis, steps, peakRss, standIn.emails(), standIn.texts(),
          standIn.calls());
      summary(out, report, o);
      return report;
    } finally {
      if (!o.keepDatabase) {
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + database);
        }
      }
    }
  }

  /**
   * Offers rate leads/s for seconds (open loop), then waits up to drain s for their acknowledgments.
   * cpu: the CPU used so far (machine, product, database), read before the first POST and after the drain.
   */
  static Step step(HttpClient http, ProviderStandIn standIn, int apiPort, String run, String label, double rate,
      double seconds, double drain, Supplier<CpuUse> cpu) throws Exception {
    CpuUse cpuBefore = cpu.get();
    int n = Math.max(1, (int) Math.round(rate * seconds));
    long[] scheduled = new long[n];
    double[] intake = new double[n];
    Arrays.fill(intake, Double.NaN);
    Map<Long, Integer> leadIndex = new ConcurrentHashMap<>();
    AtomicInteger intakeErrors = new AtomicInteger();
    List<CompletableFuture<?>> posts = new ArrayList<>(n);
    String zone = afternoonZone();
    URI leads = URI.create("http://127.0.0.1:" + apiPort + "/v1/leads");
    long interval = (long) (1e9 / rate);
    long t0 = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < n; i++) {
      scheduled[i] = t0 + i * interval;
      long wait;
      while ((wait = scheduled[i] - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest post = HttpRequest.newBuilder(leads).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(lead(run, label, i, zone)))).build();
      int index = i;
      posts.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
        long done = System.nanoTime();
        if (failure != null || response.statusCode() != 201) {
          intakeErrors.incrementAndGet();
          return null;
        }
        intake[index] = (done - scheduled[index]) / 1e6;
        try {
          JsonNode body = JSON.readTree(response.body());
          leadIndex.put(body.path("id").asLong(), index);
        } catch (Exception e) {
          intakeErrors.incrementAndGet();
        }
        return null;
      }));
    }
    long lastScheduled = scheduled[n - 1];
    long deadline = lastScheduled + (long) (drain * 1e9);
    try {
      CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new))
          .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // counted below: a POST without an answer is an intake error
    }
    Map<Long, Long> acks = standIn.firstEmailNanos();
    while (System.nanoTime() < deadline && !leadIndex.keySet().stream().allMatch(acks::containsKey)) {
      Thread.sleep(50);
    }
    List<Double> intakeMillis = new ArrayList<>();
    for (double d : intake) {
      if (!Double.isNaN(d)) {
        intakeMillis.add(d);
      }
    }
    int unanswered = n - intakeMillis.size() - intakeErrors.get();
    List<Double> firstTouch = new ArrayList<>();
    long lastAck = t0;
    for (Map.Entry<Long, Integer> e : leadIndex.entrySet()) {
      Long ack = acks.get(e.getKey());
      if (ack != null) {
        firstTouch.add((ack - scheduled[e.getValue()]) / 1e6);
        lastAck = Math.max(lastAck, ack);
      }
    }
    Collections.sort(intakeMillis);
    Collections.sort(firstTouch);
    // Leads acknowledged per second, from the first scheduled POST to the last acknowledgment.
    double sustained = firstTouch.isEmpty() ? 0 : firstTouch.size() / ((lastAck - t0) / 1e9);
    // Everything the product did for these leads up to now (their later steps are hours away), per lead.
    CpuUse.Per cpuPerLead = cpu.get().per(cpuBefore, leadIndex.size());
    return new Step(label, rate, n, leadIndex.size(), intakeErrors.get() + unanswered, firstTouch.size(),
        intakeMillis, firstTouch, sustained, cpuPerLead, null);
  }

  private static final AtomicInteger PHONES = new AtomicInteger();
  private static final int[] CHICAGO_AREA_CODES = {312, 773, 872};

  private static ObjectNode lead(String run, String label, int i, String zone) {
    ObjectNode lead = JSON.createObjectNode();
    String tag = run + "-" + label + "-" + i;
    lead.put("source", "website");
    lead.put("externalId", "bench-" + tag);
    lead.put("firstName", "Bench");
    lead.put("lastName", "Lead" + i);
    lead.put("email", "bench-" + tag.replace('.', '_') + "@example.com");
    // One number per lead of the whole run: a second open lead with the same phone would be a DUPLICATE
    // (no cadence), which would skew the figures.
    int n = PHONES.getAndIncrement();
    lead.put("phone", String.format("(%d) 555-%04d", CHICAGO_AREA_CODES[(n / 10_000) % 3], n % 10_000));
    lead.put("timezone", zone);
    lead.put("timeframe", "WITHIN_7_DAYS");
    ObjectNode vehicle = lead.putObject("vehicle");
    vehicle.put("year", 2024);
    vehicle.put("make", "Toyota");
    vehicle.put("model", "Camry");
    lead.put("financing", true);
    return lead;
  }

  /** An Etc/GMT zone where it is early afternoon now, so that quiet hours hold nothing back. */
  static String afternoonZone() {
    int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;
    // Etc/GMT names have the sign the other way round: Etc/GMT-3 is three hours ahead of UTC.
    return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset);
  }

  private static void print(PrintStream out, Step s, double baseline) {
    out.printf("%n%s: offered %.1f leads/s (%.2fx baseline) for %d leads%n", s.label(), s.offeredRate(),
        s.offeredRate() / baseline, s.leads());
    out.printf("  intake (POST /v1/leads -> 201)          p50 %7.0f ms   p99 %7.0f ms   max %7.0f ms%n",
        pct(s.intakeMillis(), 50), pct(s.intakeMillis(), 99), pct(s.intakeMillis(), 100));
    out.printf("  POST -> acknowledgment email at stand-in p50 %7.0f ms   p99 %7.0f ms   max %7.0f ms%n",
        pct(s.firstTouchMillis(), 50), pct(s.firstTouchMillis(), 99), pct(s.firstTouchMillis(), 100));
    out.printf("  sustained %.1f leads/s (%.2fx baseline); accepted %d/%d, acknowledged %d; errors %d "
        + "(intake %d, no acknowledgment %d)%n", s.sustainedRate(), s.sustainedRate() / baseline, s.accepted(),
        s.leads(), s.acked(), s.errors(), s.intakeErrors(), s.accepted() - s.acked());
    TemporalBaseline.Result nextTo = s.baselineNextTo();
    if (nextTo != null) {
      out.printf("  baseline measured right before this step: %.1f workflows/s, machine CPU %.1f ms per workflow; "
          + "ratio to it %.2f%n", nextTo.perSecond(), nextTo.machineCpuMillisPerWorkflow(), s.ratio(baseline));
    }
    CpuUse.Per cpu = s.cpuPerLead();
    out.printf("  CPU per accepted lead, POSTs to drain: machine %.0f ms = product %.0f ms (its JVM: API, worker, "
        + "embedded Temporal) + database server %.0f ms + the rest %.0f ms (this benchmark, other processes)%n",
        cpu.machine(), cpu.product(), cpu.database(), cpu.rest());
  }

  private static void summary(PrintStream out, Report r, Options o) {
    out.printf("%nproduct peak RSS (VmHWM) %.0f MiB; stand-in received %d emails, %d texts, %d calls%n",
        r.peakRssKib() / 1024.0, r.emails(), r.texts(), r.calls());
    out.printf("ratio: best error-free step's sustained rate / its baseline = %.2f (target >= 0.7): %s%n",
        r.ratio(), r.ratio() >= 0.7 ? "met" : "NOT met");
    r.steps().stream().filter(s -> Math.abs(s.offeredRate() / r.baselineRate() - 0.5) < 0.01).findFirst()
        .ifPresent(half -> {
          double p99 = pct(half.firstTouchMillis(), 99);
          out.printf("p99 time to first touch at half the baseline rate = %.0f ms (target < 1000 ms): %s%n", p99,
              p99 < 1000 && half.errors() == 0 ? "met" : "NOT met");
          if (half.baselineNextTo() != null) {
            out.printf("  (offered %.1f leads/s there: %.2fx the baseline measured right before it)%n",
                half.offeredRate(), half.offeredRate() / half.baselineNextTo().perSecond());
          }
        });
    budget(out, r);
    if (o.jfr != null) {
      out.printf("flight recording: %s (jfr print --events jdk.ExecutionSample ...)%n", o.jfr);
    }
  }

  /**
   * What the ratio's target leaves per lead: on these cores a ratio of 0.7 means 0.7 x baseline leads/s,
   * so at most cores x 1,000 ms / that of the machine's CPU per lead, against what the baseline's bare
   * workflow and the best step's lead cost (the baseline measured right before that step, if it was).
   */
  private static void budget(PrintStream out, Report r) {
    Optional<Step> best = r.best();
    TemporalBaseline.Result nextTo = best.map(Step::baselineNextTo).orElse(null);
    double baseline = nextTo == null ? r.baselineRate() : nextTo.perSecond();
    double baselineCpu = nextTo == null ? r.baselineCpuMillis() : nextTo.machineCpuMillisPerWorkflow();
    out.printf("budget: a ratio of 0.7 leaves at most %.1f ms of machine CPU per lead (%d cores / %.1f leads/s)",
        CORES * 1000 / (0.7 * baseline), CORES, 0.7 * baseline);
    if (!Double.isNaN(baselineCpu)) {
      out.printf("; the baseline's bare workflow costs %.1f ms", baselineCpu);
    }
    best.ifPresent(s -> out.printf("; a lead cost %.1f ms at %s (product %.1f, database server %.1f, "
        + "the rest %.1f)", s.cpuPerLead().machine(), s.label(), s.cpuPerLead().product(),
        s.cpuPerLead().database(), s.cpuPerLead().rest()));
    out.println();
  }

  static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
