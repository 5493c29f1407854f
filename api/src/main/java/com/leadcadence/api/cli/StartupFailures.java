package com.leadcadence.api.cli;

import com.leadcadence.api.startup.StartupFailure;
import io.dropwizard.core.cli.Cli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every command reports a failed start: one log line for a known cause, the stack trace otherwise. */
final class StartupFailures {
  private static final Logger LOG = LoggerFactory.getLogger("com.leadcadence.startup");

  private StartupFailures() {}

  static void report(Cli cli, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StartupFailure failure) {
        LOG.error("Lead Cadence cannot start: {}", failure.getMessage());
        return;
      }
    }
    e.printStackTrace(cli.getStdErr());
  }
}
