package com.leadcadence.api.cli;

import com.codahale.metrics.MetricRegistry;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.api.startup.DatabaseStartup;
import com.leadcadence.api.startup.UnsetVariables;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code db migrate config.yml}: creates the database when missing and applies the Flyway migrations,
 * then exits (a deploy step before new API or worker replicas start). The server also migrates at start.
 */
public class DbCommand extends ConfiguredCommand<LeadCadenceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(DbCommand.class);
  private static final String ACTION = "action";

  public DbCommand(io.dropwizard.core.Application<LeadCadenceConfiguration> application) {
    super("db", "Database tasks: migrate");
  }

  @Override
  protected Class<LeadCadenceConfiguration> getConfigurationClass() {
    return LeadCadenceConfiguration.class;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument(ACTION).choices("migrate").help("migrate: create the database and apply migrations");
    super.configure(subparser);
  }

  @Override
  protected void run(Bootstrap<LeadCadenceConfiguration> bootstrap, Namespace namespace,
      LeadCadenceConfiguration config) {
    UnsetVariables.check(config);
    DatabaseStartup.PreparedDatabase database = DatabaseStartup.prepare(config, new MetricRegistry());
    LOG.info("Database {} is migrated", database.url());
    database.embedded().ifPresent(embedded -> embedded.stop());
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    StartupFailures.report(cli, e);
  }
}
