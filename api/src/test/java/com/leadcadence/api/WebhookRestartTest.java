package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import io.temporal.testserver.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts while a webhook is being retried (its receiver answers 503): the service is stopped, the
 * receiver recovers, a new service starts on the same database, and the delivery completes once. With a
 * Temporal server that outlives the service (as in production) the workflow and its retries are
 * Temporal's; with the in-memory embedded server, which dies with the service, the new start hands the
 * PENDING delivery to a new workflow.
 */
class WebhookRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TestDatabase DB = TestDatabase.create();
  private static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @AfterAll
  static void stop() {
    RECEIVER.close();
    DB.close();
  }

  @Test
  void aRestartDuringRetriesLosesNothingWithATemporalServerThatStaysUp() throws Exception {
    int port = TestApps.freePort();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(port)) {
      restartDuringRetries("/crm/restart-server", () -> {
        LeadCadenceConfiguration config = TestApps.withTemporalAt(DB, "127.0.0.1:" + port);
        // the test server never hands a stopped worker's sticky workflow tasks to the next one
        config.getTemporal().setStickyQueueTimeout(io.dropwizard.util.Duration.seconds(0));
        return OutboundWebhooksTest.withShrunkRetries(config);
      }, "restart-server-key");
    }
  }

  @Test
  void aRestartOfTheInMemoryTemporalServerLosesNothing() throws Exception {
    restartDuringRetries("/crm/restart-embedded",
        () -> OutboundWebhooksTest.withShrunkRetries(TestApps.withEmbeddedTemporal(DB)), "restart-embedded-key");
  }

  private static void restartDuringRetries(String path, Supplier<LeadCadenceConfiguration> config, String key)
      throws Exception {
    String url = RECEIVER.failingFirst(path, Integer.MAX_VALUE);
    long subscription;
    long lead;
    DropwizardTestSupport<LeadCadenceConfiguration> first =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, withLongWindow(config.get()));
    first.before();
    try {
      new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(key));
      ApiClient api = new ApiClient(first.getLocalPort(), key);
      subscription = api.post("/v1/webhooks", Map.of("url", url, "events", List.of("lead.created")))
          .body().path("id").asLong();
      lead = api.post("/v1/leads", Leads.valid()).body().path("id").asLong();
      Leads.await(WAIT, "two refused attempts", () -> RECEIVER.requestsTo(path).size() >= 2);
    } finally {
      first.after();
    }
    int refusedBeforeRestart = RECEIVER.requestsTo(path).size();
    RECEIVER.recover(path);

    DropwizardTestSupport<LeadCadenceConfiguration> second =
        new DropwizardTestSupport<>(LeadCadenceApplication.class, withLongWindow(config.get()));
    second.before();
    try {
      ApiClient api = new ApiClient(second.getLocalPort(), key);
      Leads.await(WAIT, "the delivery after the restart", () ->
          delivery(api, subscription).path("status").asText().equals("DELIVERED"));
      JsonNode delivery = delivery(api, subscription);
      assertEquals(lead, delivery.path("leadId").asLong());
      assertEquals(204, delivery.path("lastStatusCode").asInt());
      List<WebhookReceiver.Request> requests = RECEIVER.requestsTo(path);
      assertEquals(1, requests.stream().filter(r -> r.answered() == 204).count(), "delivered once: " + requests);
      assertTrue(requests.size() > refusedBeforeRestart, requests.toString());
      assertEquals(requests.size(), delivery.path("attempts").asInt(), "every attempt recorded, before and after");
    } finally {
      second.after();
    }
  }

  /** Long enough that the restart falls well inside the retry window. */
  private static LeadCadenceConfiguration withLongWindow(LeadCadenceConfiguration config) {
    config.getWebhooks().setGiveUpAfter(io.dropwizard.util.Duration.minutes(5));
    return config;
  }

  private static JsonNode delivery(ApiClient api, long subscription) {
    JsonNode items = api.get("/v1/webhooks/" + subscription + "/deliveries").body().path("items");
    return items.size() == 1 ? items.get(0) : ApiClient.JSON.nullNode();
  }
}
