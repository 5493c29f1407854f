package com.leadcadence.api.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code worker} command's scrape endpoint: it has no Dropwizard server, so a small JDK HTTP server
 * answers GET /metrics (Prometheus text) on the admin connector's host and port. A taken port (a
 * server and a worker on one host with the same configuration) is logged, not fatal: sending matters
 * more than being scraped.
 */
public final class WorkerMetricsServer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMetricsServer.class);

  private final PrometheusMeterRegistry registry;
  private final String host;
  private final int port;
  private HttpServer server;

  public WorkerMetricsServer(PrometheusMeterRegistry registry, String host, int port) {
    this.registry = registry;
    this.host = host;
    this.port = port;
  }

  @Override
  public void start() {
    InetSocketAddress address = host == null || host.isBlank() ? new InetSocketAddress(port)
        : new InetSocketAddress(host, port);
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      LOG.warn("The worker's metrics are not served: {} cannot be bound ({})", address, e.getMessage());
      return;
    }
    server.createContext(Metrics.PROMETHEUS_PATH, this::scrape);
    server.start();
    LOG.info("Worker metrics on http://{}:{}{}", address.getHostString(), server.getAddress().getPort(),
        Metrics.PROMETHEUS_PATH);
  }

  /** The bound port (the configured one, or the one chosen for 0); -1 when not serving. */
  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) || !Metrics.PROMETHEUS_PATH.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", PrometheusServlet.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
