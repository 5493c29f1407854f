package com.leadcadence.api.cli;

import com.leadcadence.api.LeadCadenceApplication;
import com.leadcadence.api.LeadCadenceConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code worker config.yml}: polls the lead-cadence task queue with no HTTP server. Scale these
 * horizontally; stop with SIGTERM (running activities get a few seconds to finish).
 */
public class WorkerCommand extends ConfiguredCommand<LeadCadenceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

  private final LeadCadenceApplication application;

  public WorkerCommand(LeadCadenceApplication application) {
    super("worker", "Runs the Temporal worker only (no HTTP API)");
    this.application = application;
  }

  @Override
  protected Class<LeadCadenceConfiguration> getConfigurationClass() {
    return LeadCadenceConfiguration.class;
  }

  @Override
  protected void run(Bootstrap<LeadCadenceConfiguration> bootstrap, Namespace namespace,
      LeadCadenceConfiguration config) throws Exception {
    Environment environment = new Environment(bootstrap.getApplication().getName(),
        bootstrap.getObjectMapper(), bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(),
        bootstrap.getClassLoader(), bootstrap.getHealthCheckRegistry(), config);
    bootstrap.run(config, environment);
    application.runWorkerOnly(config, environment);

    List<LifeCycle> started = new ArrayList<>();
    for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
      managed.start();
      started.add(managed);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Collections.reverse(started);
      for (LifeCycle managed : started) {
        try {
          managed.stop();
        } catch (Exception e) {
          LOG.warn("Stopping {} failed: {}", managed, e.toString());
        }
      }
      stopped.countDown();
    }, "worker-shutdown"));
    LOG.info("Worker running; stop it with Ctrl-C or SIGTERM");
    stopped.await();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    StartupFailures.report(cli, e);
  }
}
