package com.leadcadence.api.temporal;

import com.leadcadence.api.TemporalSettings;
import com.leadcadence.api.startup.Ports;
import com.leadcadence.api.startup.StartupFailure;
import com.leadcadence.worker.EmbeddedTemporalServer;
import com.leadcadence.worker.TemporalConnection;
import com.leadcadence.worker.TemporalTarget;
import io.dropwizard.lifecycle.Managed;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal side of the process: the embedded test server when no address is configured, and the
 * client connection either way. Started eagerly (a taken port must fail the start, not the first
 * request); stopped by Dropwizard after the worker, before the database.
 */
public final class TemporalRuntime implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalRuntime.class);

  private final Optional<EmbeddedTemporalServer> embeddedServer;
  private final TemporalConnection connection;

  private TemporalRuntime(Optional<EmbeddedTemporalServer> embeddedServer, TemporalConnection connection) {
    this.embeddedServer = embeddedServer;
    this.connection = connection;
  }

  /** @throws StartupFailure when the embedded server's port is taken */
  public static TemporalRuntime open(TemporalSettings settings) {
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
      return new TemporalRuntime(Optional.of(server), TemporalConnection.open(target));
    }
    TemporalTarget target = new TemporalTarget(settings.getAddress(), settings.getNamespace(), retry);
    TemporalConnection connection = TemporalConnection.open(target);
    // A real server may already have them (or forbid adding them, e.g. Temporal Cloud): log, go on.
    connection.registerSearchAttributes();
    LOG.info("Using the Temporal server at {} (namespace {})", target.address(), target.namespace());
    return new TemporalRuntime(Optional.empty(), connection);
  }

  public TemporalConnection connection() {
    return connection;
  }

  public TemporalTarget target() {
    return connection.target();
  }

  public boolean embedded() {
    return embeddedServer.isPresent();
  }

  @Override
  public void start() {
    // Opened in open(): nothing left to start.
  }

  @Override
  public void stop() {
    connection.close();
    embeddedServer.ifPresent(EmbeddedTemporalServer::close);
  }
}
