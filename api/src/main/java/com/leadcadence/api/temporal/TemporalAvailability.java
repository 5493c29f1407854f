package com.leadcadence.api.temporal;

import com.leadcadence.api.DaemonThreads;
import io.dropwizard.lifecycle.Managed;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Temporal frontend answers, probed every two seconds with a cheap call (GetSystemInfo,
 * two-second deadline). While it does not, the API stays up: intake leaves new leads STARTING instead of
 * waiting on a start that cannot succeed, outcomes and signals answer 503 at once. One log line when
 * Temporal goes away and one when it comes back; on every return the listeners run (register search
 * attributes, start the worker, start the leads left STARTING).
 */
public final class TemporalAvailability implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalAvailability.class);
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

  private final WorkflowServiceStubs stubs;
  private final String address;
  private final List<Runnable> onAvailable = new CopyOnWriteArrayList<>();
  private final List<Runnable> onUnavailable = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService prober = DaemonThreads.scheduled("temporal-availability");
  /** null until the first probe; then whether the last probe (or call) reached Temporal. */
  private volatile Boolean available;
  private volatile String lastProblem;
  private volatile Instant unavailableSince;

  public TemporalAvailability(WorkflowServiceStubs stubs, String address) {
    this.stubs = stubs;
    this.address = address;
  }

  /** Runs on the prober's thread each time Temporal answers after not answering (and at the first answer). */
  public void whenAvailable(Runnable listener) {
    onAvailable.add(listener);
  }

  /** Runs each time Temporal stops answering after answering (or at a first probe that finds it away). */
  public void whenUnavailable(Runnable listener) {
    onUnavailable.add(listener);
  }

  /** Probes once now (so the start knows), then every two seconds. */
  @Override
  public void start() {
    probe();
    prober.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    prober.shutdownNow();
  }

  /** False only once a probe or a call found Temporal unreachable (and no probe since found it back). */
  public boolean isAvailable() {
    return !Boolean.FALSE.equals(available);
  }

  public String address() {
    return address;
  }

  /** Why the last probe failed, and since when; null while Temporal answers. */
  public String problem() {
    return isAvailable() ? null : lastProblem + " (since " + unavailableSince + ")";
  }

  /** A call failed for a reason of the connection: no more waiting on Temporal until a probe succeeds. */
  void reportUnreachable(String problem) {
    markUnavailable(problem);
  }

  void probe() {
    try {
      stubs.blockingStub()
          .withDeadlineAfter(PROBE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      markAvailable();
    } catch (RuntimeException e) {
      markUnavailable(e.getMessage());
    }
  }

  private void markAvailable() {
    Boolean before = available;
    available = true;
    lastProblem = null;
    if (!Boolean.TRUE.equals(before)) {
      if (before != null) {
        LOG.info("Temporal at {} answers again (unreachable since {})", address, unavailableSince);
      }
      run(onAvailable, "After Temporal came back");
    }
  }

  private static void run(List<Runnable> listeners, String when) {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("{}: {}", when, e.toString());
      }
    }
  }

  private synchronized void markUnavailable(String problem) {
    lastProblem = problem;
    if (!Boolean.FALSE.equals(available)) {
      available = false;
      unavailableSince = Instant.now();
      LOG.warn("Temporal at {} cannot be reached ({}): the API stays up, new leads wait as STARTING, "
          + "outcomes and signals answer 503; retrying every {} s", address, problem, PROBE_INTERVAL.toSeconds());
      run(onUnavailable, "After Temporal went away");
    }
  }
}
