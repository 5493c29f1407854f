package com.leadcadence.api.temporal;

import com.leadcadence.api.TemporalSettings;
import com.leadcadence.api.startup.Ports;
import com.leadcadence.api.startup.StartupFailure;
import com.leadcadence.worker.EmbeddedTemporalServer;
import com.leadcadence.worker.SearchAttributeRegistrar;
import com.leadcadence.worker.TemporalConnection;
import com.leadcadence.worker.TemporalTarget;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal side of the process: the embedded test server when no address is configured, and the
 * client connection either way, with its {@link TemporalAvailability} probe. Started eagerly (a taken
 * port must fail the start, not the first request); stopped by Dropwizard after the worker, before the
 * database. An external server that does not answer does not stop the start: the probe logs one line
 * and keeps trying, and the lead search attributes are registered once the server answers.
 */
public final class TemporalRuntime implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalRuntime.class);

  private final Optional<EmbeddedTemporalServer> embeddedServer;
  private final TemporalConnection connection;
  private final TemporalAvailability availability;
  private volatile boolean searchAttributesSettled;

  private TemporalRuntime(Optional<EmbeddedTemporalServer> embeddedServer, TemporalConnection connection) {
    this.embeddedServer = embeddedServer;
    this.connection = connection;
    this.availability = new TemporalAvailability(connection.stubs(), connection.target().address());
  }

  /** @throws StartupFailure when the embedded server's port is taken */
  public static TemporalRuntime open(TemporalSettings settings, MeterRegistry meters) {
    java.time.Duration retry = settings.getRpcRetryExpiration().toJavaDuration();
    if (settings.embedded()) {
      Ports.ensureFree(null, settings.getEmbeddedPort(), "embedded Temporal server");
      EmbeddedTemporalServer server;
      try {
        server = EmbeddedTemporalServer.start(settings.getEmbeddedPort());
      } catch (EmbeddedTemporalServer.PortInUseException e) {
        throw new StartupFailure(e.getMessage(), e);
      }
      TemporalTarget target = server.target().withRpcRetryExpiration(retry);
      return new TemporalRuntime(Optional.of(server), TemporalConnection.open(target, meters));
    }
    TemporalTarget target = new TemporalTarget(settings.getAddress(), settings.getNamespace(), retry);
    TemporalRuntime runtime = new TemporalRuntime(Optional.empty(), TemporalConnection.open(target, meters));
    // A real server may already have them (or forbid adding them, e.g. Temporal Cloud): log, go on.
    runtime.availability.whenAvailable(runtime::registerSearchAttributes);
    LOG.info("Using the Temporal server at {} (namespace {})", target.address(), target.namespace());
    return runtime;
  }

  /** Once per process, when the server answers; again after an outage only if it was cut short by one. */
  private void registerSearchAttributes() {
    if (searchAttributesSettled) {
      return;
    }
    SearchAttributeRegistrar.Result result = connection.registerSearchAttributes();
    String problem = result.problem();
    searchAttributesSettled = result.complete()
        || !(problem.startsWith("UNAVAILABLE") || problem.startsWith("DEADLINE_EXCEEDED"));
  }

  public TemporalConnection connection() {
    return connection;
  }

  public TemporalTarget target() {
    return connection.target();
  }

  public TemporalAvailability availability() {
    return availability;
  }

  public boolean embedded() {
    return embeddedServer.isPresent();
  }

  /** Probes the server once (one log line if it does not answer), then keeps probing in the background. */
  @Override
  public void start() {
    availability.start();
  }

  @Override
  public void stop() {
    availability.stop();
    connection.close();
    embeddedServer.ifPresent(EmbeddedTemporalServer::close);
  }
}
