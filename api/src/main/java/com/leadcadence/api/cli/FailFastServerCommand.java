package com.leadcadence.api.cli;

import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.startup.StartupFailure;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server}, printing a {@link StartupFailure} as one line instead of a stack trace. */
public class FailFastServerCommand extends ServerCommand<LeadCadenceConfiguration> {

  public FailFastServerCommand(Application<LeadCadenceConfiguration> application) {
    super(application);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    StartupFailures.report(cli, e);
  }
}
