package com.leadcadence.activities.webhooks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.metrics.ActivityMetrics;
import com.leadcadence.store.dao.LeadEventDao;
import com.leadcadence.store.dao.WebhookDeliveryDao;
import com.leadcadence.store.dao.WebhookSubscriptionDao;
import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.webhooks.WebhookActivities;
import com.leadcadence.workflows.webhooks.WebhookAttempt;
import com.leadcadence.workflows.webhooks.WebhookGiveUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs an event to its subscription's URL, signed, with bounded timeouts and no redirects followed,
 * and records every attempt on the delivery row. Any answer but 2xx, and no answer, is a failed attempt
 * that Temporal retries; a URL refused by {@link ReceiverAddresses} fails for good. A 2xx whose
 * recording is lost (worker killed right after) makes the retry deliver the event again under the same
 * id: receivers deduplicate by event id.
 */
public final class WebhookActivitiesImpl implements WebhookActivities {
  private static final Logger log = LoggerFactory.getLogger(WebhookActivitiesImpl.class);
  private static final int ERROR_MAX = 500;

  private final LeadEventDao events;
  private final WebhookSubscriptionDao subscriptions;
  private final WebhookDeliveryDao deliveries;
  private final ReceiverAddresses receivers;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient http;
  private final ActivityMetrics metrics;

  public WebhookActivitiesImpl(LeadEventDao events, WebhookSubscriptionDao subscriptions,
      WebhookDeliveryDao deliveries, ReceiverAddresses receivers, Duration connectTimeout, Duration requestTimeout,
      Clock clock, MeterRegistry meters) {
    this.metrics = new ActivityMetrics(meters);
    metrics.declareOutboundWebhooks();
    this.events = events;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.receivers = receivers;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Override
  public void deliverWebhook(WebhookAttempt attempt) {
    Optional<WebhookDeliveryRow> found = deliveries.findById(attempt.deliveryId());
    if (found.isEmpty() || found.get().status() != DeliveryStatus.PENDING) {
      return; // delivered, failed or cancelled already: a repeated signal or a retried activity
    }
    WebhookDeliveryRow delivery = found.get();
    try (LeadMdc ignored = LeadMdc.put(delivery.leadId(), WorkflowIds.forLead(delivery.leadId()))) {
      WebhookSubscriptionRow subscription = subscriptions.findById(delivery.subscriptionId()).orElseThrow();
      if (subscription.deletedAt() != null) {
        deliveries.cancelPending(subscription.id());
        log.info("webhook delivery {} cancelled: subscription {} was deleted", delivery.id(), subscription.id());
        return;
      }
      Optional<String> refused = receivers.problem(subscription.url());
      if (refused.isPresent()) {
        deliveries.recordFailedAttempt(delivery.id(), null, "url " + refused.get());
        metrics.outboundWebhookAttempt("url_refused");
        throw ApplicationFailure.newNonRetryableFailure("the subscription's url " + refused.get(), "WebhookUrlRefused");
      }
      LeadEventRow event = events.findById(delivery.eventId()).orElseThrow();
      post(delivery, subscription, event);
    }
  }

  private void post(WebhookDeliveryRow delivery, WebhookSubscriptionRow subscription, LeadEventRow event) {
    String body = WebhookPayloads.body(event);
    HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url().strip()))
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "LeadCadence-Webhooks/1")
        .header("LeadCadence-Event-Id", Long.toString(event.id()))
        .header("LeadCadence-Event-Type", event.type())
        .header(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret(), clock.instant().getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      String error = truncate("no answer: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
      deliveries.recordFailedAttempt(delivery.id(), null, error);
      metrics.outboundWebhookAttempt("no_answer");
      log.warn("webhook {} of event {} ({}) to subscription {}: {}", delivery.id(), event.id(), event.type(),
          subscription.id(), error);
      throw attemptFailed(error, "WebhookUnanswered");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.recordFailedAttempt(delivery.id(), null, "interrupted");
      metrics.outboundWebhookAttempt("interrupted");
      throw attemptFailed("interrupted", "WebhookUnanswered");
    }
    if (status >= 200 && status < 300) {
      deliveries.markDelivered(delivery.id(), status);
      metrics.outboundWebhookAttempt("delivered");
      log.info("webhook {} of event {} ({}) delivered to subscription {}: HTTP {}", delivery.id(), event.id(),
          event.type(), subscription.id(), status);
      return;
    }
    deliveries.recordFailedAttempt(delivery.id(), status, "HTTP " + status);
    metrics.outboundWebhookAttempt(status >= 500 ? "http_5xx" : status >= 400 ? "http_4xx" : "http_other");
    log.warn("webhook {} of event {} ({}) to subscription {}: HTTP {}", delivery.id(), event.id(), event.type(),
        subscription.id(), status);
    throw attemptFailed("the receiver answered HTTP " + status, "WebhookRefused");
  }

  /**
   * A receiver's refusal or silence is expected and logged above in one line: BENIGN keeps the SDK from
   * logging each retried attempt again with a stack trace.
   */
  private static ApplicationFailure attemptFailed(String message, String type) {
    return ApplicationFailure.newBuilder().setMessage(message).setType(type)
        .setCategory(ApplicationErrorCategory.BENIGN).build();
  }

  @Override
  public void markWebhookFailed(WebhookGiveUp giveUp) {
    if (deliveries.markFailed(giveUp.deliveryId(), truncate(giveUp.reason())) > 0) {
      metrics.outboundWebhookFailed();
      log.warn("webhook delivery {} FAILED: {}", giveUp.deliveryId(), giveUp.reason());
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
  }
}
