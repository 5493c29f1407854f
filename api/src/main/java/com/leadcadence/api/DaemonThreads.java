package com.leadcadence.api;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Executors for the API's background jobs (reconciler, dispatcher, refreshers, probes). Their threads are
 * daemons, so a job that is late to stop never keeps the JVM alive after Dropwizard has stopped, and they
 * carry the job's name, so a thread dump or a profile says which job is which.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A scheduled executor of `threads` daemon threads, each named `name`. */
  public static ScheduledExecutorService scheduled(String name, int threads) {
    return Executors.newScheduledThreadPool(threads, named(name));
  }

  /** A scheduled executor of one daemon thread named `name`. */
  public static ScheduledExecutorService scheduled(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  private static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
