package com.leadcadence.worker;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC stubs and the WorkflowClient for one {@link TemporalTarget}: the embedded test server or a
 * real cluster alike. The stubs connect lazily, so an unreachable server fails the first call (with a
 * bounded retry), not the process start. The SDK's metrics (client requests, and through the stubs every
 * worker built on this client: poll counts, workflow and activity task latencies) go to the given
 * Micrometer registry as the {@code temporal_*} series.
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SYSTEM_INFO_TIMEOUT = Duration.ofSeconds(5);
  /** Tally buffers the SDK's metrics and hands them to Micrometer this often. */
  private static final com.uber.m3.util.Duration METRICS_REPORT_INTERVAL = com.uber.m3.util.Duration.ofSeconds(1);
  private final TemporalTarget target;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final Scope metricsScope;

  private TemporalConnection(TemporalTarget target, WorkflowServiceStubs stubs, WorkflowClient client,
      Scope metricsScope) {
    this.target = target;
    this.stubs = stubs;
    this.client = client;
    this.metricsScope = metricsScope;
  }

  public static TemporalConnection open(TemporalTarget target, MeterRegistry meters) {
    Scope metricsScope = new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(meters))
        .reportEvery(METRICS_REPORT_INTERVAL);
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target.address())
                .setRpcRetryOptions(
                    RpcRetryOptions.newBuilder()
                        .setExpiration(target.rpcRetryExpiration())
                        .setMaximumInterval(Duration.ofSeconds(2))
                        .validateBuildWithDefaults())
                // A state query must not hang a GET when no worker is polling.
                .setRpcQueryTimeout(QUERY_TIMEOUT)
                // The first call asks the server for its capabilities; an unreachable server must not
                // hold it longer than the retry budget.
                .setSystemInfoTimeout(min(SYSTEM_INFO_TIMEOUT, target.rpcRetryExpiration()))
                .setMetricsScope(metricsScope)
                .build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(target.namespace()).build());
    return new TemporalConnection(target, stubs, client, metricsScope);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public TemporalTarget target() {
    return target;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public WorkflowClient client() {
    return client;
  }

  /** Registers the lead search attributes in this connection's namespace; logs instead of failing. */
  public SearchAttributeRegistrar.Result registerSearchAttributes() {
    return SearchAttributeRegistrar.register(target.address(), target.namespace());
  }

  @Override
  public void close() {
    stubs.shutdown();
    if (!stubs.awaitTermination(5, TimeUnit.SECONDS)) {
      stubs.shutdownNow();
    }
    try {
      // Reports what is still buffered, then stops the reporting thread.
      metricsScope.close();
    } catch (ScopeCloseException e) {
      // Nothing to recover at shutdown: the last second of SDK metrics is lost.
    }
  }
}
