package com.leadcadence.api.startup;

import com.leadcadence.api.LeadCadenceConfiguration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks a listening port before anything binds it, so a taken port fails the start in one line. */
public final class Ports {

  private Ports() {}

  /** Every port this configuration will listen on; checked first, so a taken one costs no migration. */
  public static void ensureConfiguredPortsFree(LeadCadenceConfiguration config) {
    if (config.getTemporal().embedded()) {
      ensureFree(null, config.getTemporal().getEmbeddedPort(),
          "embedded Temporal server (or set TEMPORAL_ADDRESS to use a running Temporal server)");
    }
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      server.getApplicationConnectors().forEach(c -> ensureFree(c, "API"));
      server.getAdminConnectors().forEach(c -> ensureFree(c, "admin"));
    } else if (config.getServerFactory() instanceof SimpleServerFactory server) {
      ensureFree(server.getConnector(), "API");
    }
  }

  private static void ensureFree(ConnectorFactory connector, String what) {
    if (connector instanceof HttpConnectorFactory http) {
      ensureFree(http.getBindHost(), http.getPort(), what + " (HTTP)");
    }
  }

  /**
   * @param host the bind host, null or empty for all interfaces
   * @throws StartupFailure when the port cannot be bound
   */
  public static void ensureFree(String host, int port, String what) {
    if (port == 0) {
      return; // an ephemeral port is always free
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      InetAddress address = host == null || host.isBlank() ? null : InetAddress.getByName(host);
      socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new StartupFailure(
          "port " + port + " for the " + what + " is already in use (" + e.getMessage()
              + "): stop what listens there or configure another port");
    }
  }
}
