package com.leadcadence.api.temporal;

import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts polling when the server starts; on stop lets running activities finish for a few seconds. */
public final class ManagedWorkerFactory implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedWorkerFactory.class);
  private static final long DRAIN_SECONDS = 10;

  private final WorkerFactory factory;

  public ManagedWorkerFactory(WorkerFactory factory) {
    this.factory = factory;
  }

  @Override
  public void start() {
    factory.start();
    LOG.info("Temporal worker polling task queue(s) in namespace {}",
        factory.getWorkflowClient().getOptions().getNamespace());
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
    }
    LOG.info("Temporal worker stopped");
  }
}
