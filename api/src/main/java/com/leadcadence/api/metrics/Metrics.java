package com.leadcadence.api.metrics;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.dropwizard.metrics.servlets.MetricsServlet;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import java.util.Arrays;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's one Micrometer registry, scraped by Prometheus: the application's {@code leadcadence_*}
 * series, Temporal's {@code temporal_*} and the JVM's. The API serves it on the admin port at
 * {@code /metrics}; Dropwizard's own metrics (JSON) move to {@code /metrics.json}. The worker command,
 * which has no admin server, serves the same page on the admin connector's port
 * ({@link WorkerMetricsServer}).
 */
public final class Metrics {
  public static final String PROMETHEUS_PATH = "/metrics";
  public static final String DROPWIZARD_JSON_PATH = "/metrics.json";

  /**
   * The buckets of the Temporal SDK's latency histograms. The SDK asks for Micrometer's default 69
   * buckets per timer, and with its eleven labels per series a scrape of a server that had run one lead
   * was 613 KB (2,209 samples, 1,863 of them those buckets); these 14 cover a workflow task to a
   * minute-long poll.
   */
  static final double[] TEMPORAL_BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

  private Metrics() {}

  /**
   * With the JVM's binders; closed when the process's lifecycle stops (the GC binder listens to the JVM
   * until it is closed, and would keep a stopped app's registry alive in a test JVM).
   */
  public static PrometheusMeterRegistry createRegistry(LifecycleEnvironment lifecycle) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(fewerTemporalBuckets());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    lifecycle.manage(new Managed() {
      @Override
      public void stop() {
        gc.close();
        registry.close();
      }
    });
    return registry;
  }

  /** Only the buckets above for the SDK's timers (percentiles histogram off, our SLO buckets on). */
  static MeterFilter fewerTemporalBuckets() {
    // A timer's buckets are in nanoseconds.
    double[] nanos = Arrays.stream(TEMPORAL_BUCKETS_SECONDS).map(seconds -> seconds * 1e9).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith("temporal") || id.getType() != Meter.Type.TIMER) {
          return config;
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(nanos)
            .build().merge(config);
      }
    };
  }

  /**
   * An exact servlet mapping wins over the admin servlet's {@code /*}, so {@code /metrics} answers in the
   * Prometheus text format; Dropwizard's JSON (Jetty, JDBI pool, request timers) stays at /metrics.json.
   */
  public static void serveOnAdminPort(Environment environment, PrometheusMeterRegistry registry) {
    environment.admin().addServlet("prometheus", new PrometheusServlet(registry)).addMapping(PROMETHEUS_PATH);
    environment.admin().addServlet("dropwizard-metrics-json", new MetricsServlet(environment.metrics()))
        .addMapping(DROPWIZARD_JSON_PATH);
  }
}
