package com.leadcadence.api;

import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Configurations for an app under test: the test's own database, ephemeral HTTP ports. */
public final class TestApps {

  private TestApps() {}

  /** Embedded Temporal test server on a free port (real gRPC, real time) and a worker in-process. */
  public static LeadCadenceConfiguration withEmbeddedTemporal(TestDatabase db) {
    LeadCadenceConfiguration config = base(db);
    config.getTemporal().setEmbeddedPort(freePort());
    config.getTemporal().setRunWorker(true);
    return config;
  }

  /**
   * A Temporal address where nothing listens (as TEMPORAL_ADDRESS pointing at a dead port), with the
   * worker on: the app must start anyway and keep trying.
   */
  static LeadCadenceConfiguration withUnreachableTemporal(TestDatabase db) {
    return withTemporalAt(db, "127.0.0.1:" + freePort());
  }

  /** An external Temporal server at address (e.g. through a proxy), worker in-process, short retries. */
  static LeadCadenceConfiguration withTemporalAt(TestDatabase db, String address) {
    LeadCadenceConfiguration config = base(db);
    config.getTemporal().setAddress(address);
    config.getTemporal().setRunWorker(true);
    config.getTemporal().setRpcRetryExpiration(Duration.seconds(1));
    config.getTemporal().setCallTimeout(Duration.seconds(5));
    return config;
  }

  static LeadCadenceConfiguration base(TestDatabase db) {
    LeadCadenceConfiguration config = new LeadCadenceConfiguration();
    config.getDatabase().setUrl(db.jdbcUrl());
    config.getDatabase().setUser(db.user());
    config.getDatabase().setPassword(db.password());
    config.getEmbeddedDatabaseFallback().setEnabled(false);
    // The tests run in the api module's directory.
    config.setTemplatesDir("../config/templates");
    config.setCadencesDir("../config/cadences");
    DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
    ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(0);
    ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(0);
    return config;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
