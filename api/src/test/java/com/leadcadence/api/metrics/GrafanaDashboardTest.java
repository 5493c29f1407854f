package com.leadcadence.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The docker/ monitoring files hang together: every panel of the dashboard reads the provisioned
 * datasource (by uid), every query parses into metric names of ours or Temporal's (that the app really
 * exports is checked against a live scrape in MetricsEndpointTest), Prometheus scrapes the admin port's
 * /metrics of the api and the workers, and compose mounts the files where Grafana and Prometheus look.
 */
class GrafanaDashboardTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyPanelReadsTheProvisionedDatasource() throws IOException {
    JsonNode datasources = YAML.readTree(DashboardQueries.DOCKER.resolve(
        "grafana/provisioning/datasources/prometheus.yml").toFile()).path("datasources");
    assertEquals(1, datasources.size());
    String uid = datasources.get(0).path("uid").asText();
    assertEquals("prometheus", datasources.get(0).path("type").asText());
    assertEquals("http://prometheus:9090", datasources.get(0).path("url").asText());

    JsonNode dashboard = DashboardQueries.dashboard();
    assertFalse(dashboard.path("uid").asText().isBlank());
    Set<Integer> ids = new HashSet<>();
    int queried = 0;
    for (JsonNode panel : DashboardQueries.panels(dashboard)) {
      assertTrue(ids.add(panel.path("id").asInt()), "panel id twice: " + panel.path("id"));
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      String title = panel.path("title").asText();
      assertEquals(uid, panel.path("datasource").path("uid").asText(), title);
      assertTrue(panel.path("targets").size() > 0, title + " has no query");
      for (JsonNode target : panel.path("targets")) {
        assertEquals(uid, target.path("datasource").path("uid").asText(), title);
        assertFalse(DashboardQueries.metricNames(target.path("expr").asText()).isEmpty(), title);
      }
      queried++;
    }
    assertTrue(queried >= 12, "panels with queries: " + queried);
  }

  @Test
  void queriesShowTheIssuesSeries() {
    Set<String> names = DashboardQueries.metricNames(DashboardQueries.dashboard());
    for (String family : List.of("leadcadence_leads_accepted_total", "leadcadence_leads_rejected_total",
        "leadcadence_workflow_starts_total", "leadcadence_touches_total", "leadcadence_provider_requests_seconds_bucket",
        "leadcadence_task_sla_breaches_total", "leadcadence_webhooks_rejected_total",
        "leadcadence_outbound_webhook_attempts_total", "leadcadence_outbound_webhook_deliveries_failed_total",
        "temporal_workflow_task_execution_latency_seconds_bucket", "temporal_activity_execution_latency_seconds_bucket")) {
      assertTrue(names.contains(family), family + " is on no panel: " + names);
    }
    names.forEach(n -> assertTrue(n.startsWith("leadcadence_") || n.startsWith("temporal_"), n));
  }

  @Test
  void metricNamesAreTakenFromPromQl() {
    assertEquals(Set.of("a_total", "b_count"), DashboardQueries.metricNames(
        "sum by (le, job) (rate(a_total{x=\"rate(y)\",z!~\"q|r\"}[5m])) / on (job) group_left (le) b_count offset 1h > bool 0.5e3"));
    assertEquals(Set.of("c_bucket"), DashboardQueries.metricNames(
        "histogram_quantile(0.95, sum without (instance) (rate(c_bucket[$__rate_interval])))"));
  }

  @Test
  void prometheusScrapesTheAdminPortsAndComposeMountsTheFiles() throws IOException {
    JsonNode prometheus = YAML.readTree(DashboardQueries.DOCKER.resolve("prometheus/prometheus.yml").toFile());
    JsonNode jobs = prometheus.path("scrape_configs");
    assertEquals(2, jobs.size());
    assertEquals("/metrics", jobs.get(0).path("metrics_path").asText());
    assertEquals("api:8081", jobs.get(0).path("static_configs").get(0).path("targets").get(0).asText());
    assertEquals("/metrics", jobs.get(1).path("metrics_path").asText());
    assertEquals("worker", jobs.get(1).path("dns_sd_configs").get(0).path("names").get(0).asText());
    assertEquals(8081, jobs.get(1).path("dns_sd_configs").get(0).path("port").asInt());

    JsonNode services = YAML.readTree(DashboardQueries.DOCKER.resolve("compose.yml").toFile()).path("services");
    assertTrue(services.path("api").path("ports").toString().contains("8081:8081"), "the admin port is 8081");
    assertMounts(services.path("prometheus"), "./prometheus/prometheus.yml");
    assertMounts(services.path("grafana"), "./grafana/provisioning");
    assertMounts(services.path("grafana"), "./grafana/dashboards");
    JsonNode provider = YAML.readTree(DashboardQueries.DOCKER.resolve(
        "grafana/provisioning/dashboards/lead-cadence.yml").toFile()).path("providers").get(0);
    String dashboards = provider.path("options").path("path").asText();
    assertTrue(services.path("grafana").path("volumes").toString().contains("./grafana/dashboards:" + dashboards + ":ro"),
        "Grafana loads dashboards from where compose mounts them");
  }

  private static void assertMounts(JsonNode service, String source) {
    assertTrue(service.path("volumes").toString().contains("\"" + source + ":"), service + " mounts " + source);
    assertTrue(Files.exists(DashboardQueries.DOCKER.resolve(source)), source + " exists");
  }
}
