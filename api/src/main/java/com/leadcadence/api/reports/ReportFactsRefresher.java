package com.leadcadence.api.reports;

import com.leadcadence.api.DaemonThreads;
import com.leadcadence.store.reports.ReportFactsRefresh;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the report facts of every dealership's dirty leads every interval, so that a report (which
 * refreshes its own dealership first, and so is exact without this) rarely finds much left to do. Replicas
 * may all run it: ReportFactsRefresh takes each dealership's batches one at a time under a database lock.
 */
public final class ReportFactsRefresher implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ReportFactsRefresher.class);

  private final Jdbi jdbi;
  private final Duration interval;
  private final ScheduledExecutorService executor = DaemonThreads.scheduled("report-facts-refresher");

  public ReportFactsRefresher(Jdbi jdbi, Duration interval) {
    this.jdbi = jdbi;
    this.interval = interval;
  }

  @Override
  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
  }

  /** One pass; never throws (a failure would end the schedule). */
  private void runOnce() {
    try {
      int refreshed = jdbi.withHandle(h -> new ReportFactsRefresh(h).refreshAll());
      if (refreshed > 0) {
        LOG.debug("Refreshed the report facts of {} lead(s)", refreshed);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh the report facts (retrying in {} ms): {}", interval.toMillis(), e.getMessage());
    }
  }
}
