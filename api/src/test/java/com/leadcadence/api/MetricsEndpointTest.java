package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.metrics.DashboardQueries;
import com.leadcadence.api.metrics.PrometheusText;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port's /metrics, scraped from the running app after one accepted lead (whose acknowledgment
 * email goes out through the dry-run sender), one refused lead and one unsigned Twilio webhook: it parses
 * as Prometheus text and holds the Temporal SDK's series and ours with the expected values and tags, and
 * no label carries the lead's e-mail address or phone number.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsEndpointTest {
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void scrapeHoldsTemporalAndApplicationSeries() throws Exception {
    Map<String, Object> lead = Leads.valid();
    Reply created = api.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    Reply refused = api.post("/v1/leads", Leads.with(Leads.valid(), "email", "jane.doe@"));
    assertEquals(422, refused.status(), refused.body().toString());
    Reply unsigned = api.postBytes("/webhooks/twilio/sms", "application/x-www-form-urlencoded",
        "MessageSid=SM1&From=%2B13125550100&Body=hi".getBytes(StandardCharsets.UTF_8));
    assertEquals(403, unsigned.status(), unsigned.body().toString());
    Leads.await(WAIT, "the acknowledgment email", () -> sentEmails(id) == 1);

    // Temporal's series reach the registry through tally's reporter, once a second.
    Leads.await(WAIT, "Temporal's worker series", () -> scrape().names().stream()
        .anyMatch(n -> n.startsWith("temporal_activity_execution_latency")));
    PrometheusText.Scrape scrape = scrape();

    assertEquals(1.0, scrape.value("leadcadence_leads_accepted_total", Map.of("outcome", "started")));
    assertEquals(1.0, scrape.value("leadcadence_leads_rejected_total",
        Map.of("route", "json", "reason", "invalid", "field", "email")));
    assertEquals(1, scrape.named("leadcadence_leads_rejected_total").size(), "only the one refusal");
    assertEquals(1.0, scrape.value("leadcadence_workflow_starts_total", Map.of("result", "started")));
    assertEquals(1.0, scrape.value("leadcadence_touches_total",
        Map.of("channel", "email", "result", "sent", "reason", "accepted")));
    assertEquals(0.0, scrape.value("leadcadence_touches_total",
        Map.of("channel", "sms", "result", "unconfirmed", "reason", "unclear_answer")), "declared at zero");
    assertEquals(1.0, scrape.value("leadcadence_provider_requests_seconds_count",
        Map.of("provider", "dry-run", "channel", "email", "operation", "send", "outcome", "ok")));
    assertEquals(1.0, scrape.value("leadcadence_provider_requests_seconds_bucket",
        Map.of("provider", "dry-run", "channel", "email", "operation", "send", "outcome", "ok", "le", "+Inf")));
    assertEquals(1.0, scrape.value("leadcadence_webhooks_rejected_total",
        Map.of("provider", "twilio", "route", "sms", "reason", "signature")));
    assertEquals(0.0, scrape.value("leadcadence_task_sla_breaches_total", Map.of("kind", "call", "stage", "overdue")));
    assertEquals(0.0, scrape.value("leadcadence_outbound_webhook_deliveries_failed_total", Map.of()));

    // Temporal: the workflow task and the activities that ran, per type and task queue.
    assertTrue(scrape.value("temporal_workflow_task_execution_latency_seconds_count",
        Map.of("workflow_type", "LeadCadenceWorkflow", "task_queue", "lead-cadence")) >= 1);
    assertTrue(scrape.named("temporal_activity_execution_latency_seconds_count").stream()
        .anyMatch(s -> s.labels().get("task_queue").equals("lead-cadence-email") && s.value() >= 1),
        scrape.named("temporal_activity_execution_latency_seconds_count").toString());
    assertTrue(scrape.names().stream().anyMatch(n -> n.startsWith("temporal_") && n.contains("poll")),
        "poll series: " + temporalNames(scrape));
    assertTrue(scrape.names().contains("jvm_memory_used_bytes"));
    // Temporal's timers keep the 14 buckets of Metrics.TEMPORAL_BUCKETS_SECONDS, plus +Inf.
    assertEquals(15, scrape.named("temporal_workflow_task_execution_latency_seconds_bucket").stream()
        .filter(s -> s.labels().get("task_queue").equals("lead-cadence")
            && s.labels().get("workflow_type").equals("LeadCadenceWorkflow")).count());
    Set<String> missing = new TreeSet<>(DashboardQueries.metricNames(DashboardQueries.dashboard()));
    missing.removeAll(scrape.names());
    assertEquals(Set.of(), missing, "series the Grafana dashboard queries but the app does not export");

    String email = ((String) lead.get("email")).toLowerCase();
    String phoneDigits = ((String) lead.get("phone")).replaceAll("\\D", "");
    for (PrometheusText.Sample sample : scrape.samples()) {
      for (String value : sample.labels().values()) {
        assertFalse(value.toLowerCase().contains(email) || value.replaceAll("\\D", "").contains(phoneDigits)
            || value.contains("@"), "PII in " + sample);
      }
    }
  }

  @Test
  void dropwizardsOwnMetricsMoveToMetricsJsonAndHealthNamesItsDependencies() throws Exception {
    HttpResponse<String> json = admin("/metrics.json");
    assertEquals(200, json.statusCode());
    JsonNode body = ApiClient.JSON.readTree(json.body());
    assertTrue(body.has("gauges") && body.has("timers"), json.body().substring(0, 200));
    JsonNode health = ApiClient.JSON.readTree(admin("/healthcheck").body());
    assertTrue(health.path("mysql").path("healthy").asBoolean(), health.toString());
    assertTrue(health.path("temporal").path("healthy").asBoolean(), health.toString());
    assertFalse(health.has("sendgrid") || health.has("twilio"), "dry-run providers are not checked: " + health);
  }

  private static PrometheusText.Scrape scrape() {
    try {
      HttpResponse<String> response = admin("/metrics");
      assertEquals(200, response.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8",
          response.headers().firstValue("Content-Type").orElse("").toLowerCase());
      // Kept for a look at what the app exports (and what a dashboard may query).
      Files.writeString(Path.of("target", "metrics-scrape.txt"), response.body());
      return PrometheusText.parse(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> admin(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long sentEmails(long id) {
    List<JsonNode> touches = new ArrayList<>();
    api.get("/v1/leads/" + id).body().path("touches").forEach(touches::add);
    return touches.stream().filter(t -> t.path("channel").asText().equals("EMAIL")
        && t.path("status").asText().equals("SENT")).count();
  }

  private static Set<String> temporalNames(PrometheusText.Scrape scrape) {
    return scrape.names().stream().filter(n -> n.startsWith("temporal_")).collect(Collectors.toCollection(TreeSet::new));
  }
}
