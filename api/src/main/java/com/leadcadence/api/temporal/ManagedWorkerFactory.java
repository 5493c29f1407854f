package com.leadcadence.api.temporal;

import com.leadcadence.api.DaemonThreads;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts polling when the server starts, or as soon as Temporal answers when it does not (the process
 * keeps running and retries every two seconds instead of failing the start); on stop lets running
 * activities finish for a few seconds.
 *
 * <p>While Temporal is away, polling is suspended. Each failed poll makes the SDK's poller wait longer
 * before its next one (doubling toward a minute, not configurable), so pollers left polling a dead server
 * for a 20 s outage came back up to a minute after it; suspended, they stop failing within a probe or
 * two, and resume when the probe sees the server again.
 */
public final class ManagedWorkerFactory implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedWorkerFactory.class);
  private static final long DRAIN_SECONDS = 10;

  private final WorkerFactory factory;
  private final TemporalAvailability availability;
  private final ScheduledExecutorService starter = DaemonThreads.scheduled("worker-starter");
  private volatile boolean started;
  private boolean suspended;
  private volatile String lastFailure;

  public ManagedWorkerFactory(WorkerFactory factory, TemporalAvailability availability) {
    this.factory = factory;
    this.availability = availability;
  }

  @Override
  public void start() {
    availability.whenUnavailable(this::suspend);
    availability.whenAvailable(this::resume);
    if (!tryStart()) {
      LOG.warn("Temporal worker not started yet: Temporal at {} does not answer; it starts when it does",
          availability.address());
      starter.scheduleWithFixedDelay(() -> {
        if (tryStart()) {
          throw new IllegalStateException("started: no more attempts"); // ends the schedule
        }
      }, TemporalAvailability.PROBE_INTERVAL.toMillis(), TemporalAvailability.PROBE_INTERVAL.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private synchronized boolean tryStart() {
    if (started) {
      return true;
    }
    if (!availability.isAvailable()) {
      return false;
    }
    try {
      factory.start();
    } catch (RuntimeException e) {
      String failure = e.getMessage();
      if (!String.valueOf(failure).equals(lastFailure)) {
        LOG.warn("Temporal worker could not start yet ({}); retrying", failure);
        lastFailure = failure;
      }
      return false;
    }
    started = true;
    LOG.info("Temporal worker polling task queue(s) in namespace {}",
        factory.getWorkflowClient().getOptions().getNamespace());
    return true;
  }

  private synchronized void suspend() {
    if (started && !suspended) {
      suspended = true;
      factory.suspendPolling();
      LOG.info("Temporal worker polling suspended until Temporal answers again");
    }
  }

  private synchronized void resume() {
    if (suspended) {
      suspended = false;
      factory.resumePolling();
      LOG.info("Temporal worker polling resumed");
    }
  }

  @Override
  public void stop() {
    starter.shutdownNow();
    synchronized (this) {
      if (!started) {
        return; // never polled: nothing to drain (and shutting down would call the absent server)
      }
    }
    try {
      factory.shutdown();
      factory.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
      if (!factory.isTerminated()) {
        factory.shutdownNow();
      }
      LOG.info("Temporal worker stopped");
    } catch (RuntimeException e) {
      // Temporal gone away: the pollers end anyway; stopping must not fail the process's stop.
      LOG.warn("Temporal worker stopped without telling Temporal ({})", e.getMessage());
    }
  }
}
