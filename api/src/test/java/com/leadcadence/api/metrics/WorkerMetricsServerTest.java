package com.leadcadence.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker command's /metrics: Prometheus text from the same registry; a taken port is not fatal. */
class WorkerMetricsServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void servesTheRegistryAsPrometheusText() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("leadcadence.touches", "channel", "sms", "result", "sent", "reason", "accepted").increment();
    WorkerMetricsServer server = new WorkerMetricsServer(registry, "127.0.0.1", 0);
    server.start();
    try {
      HttpResponse<String> scrape = get(server.port(), "/metrics");
      assertEquals(200, scrape.statusCode());
      assertEquals(PrometheusServlet.CONTENT_TYPE, scrape.headers().firstValue("Content-Type").orElseThrow());
      PrometheusText.Scrape parsed = PrometheusText.parse(scrape.body());
      assertEquals(1.0, parsed.value("leadcadence_touches_total",
          Map.of("channel", "sms", "result", "sent", "reason", "accepted")));
      assertEquals(404, get(server.port(), "/healthcheck").statusCode());
    } finally {
      server.stop();
      registry.close();
    }
  }

  @Test
  void aTakenPortLeavesTheWorkerRunningWithoutMetrics() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      WorkerMetricsServer server = new WorkerMetricsServer(registry, "127.0.0.1", taken.getLocalPort());
      server.start();
      assertEquals(-1, server.port());
      server.stop();
      registry.close();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
