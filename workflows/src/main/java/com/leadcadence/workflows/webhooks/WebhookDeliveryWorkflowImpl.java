package com.leadcadence.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps a lead's events in order for one subscription: the queue is ordered by event id (so a signal
 * that overtook an earlier one still waits its turn), and each delivery is one activity whose retry
 * policy is the backoff schedule, bounded by the delivery's own deadline (schedule-to-close), so the
 * deadlines of events queued behind a slow one keep running: after a long outage each of them gets one
 * last attempt and the queue drains, instead of every event waiting a full retry period in turn.
 */
public final class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
  /** With nothing to deliver for this long the run ends; the next event starts a new one. */
  static final Duration IDLE = Duration.ofHours(1);
  /** Deliveries per run before continue-as-new, so the history stays small. */
  static final int DELIVERIES_PER_RUN = 100;
  /** A delivery with less time than this before its deadline gets one attempt's time instead. */
  static final Duration LAST_CHANCE = Duration.ofSeconds(1);

  private final TreeMap<Long, PendingDelivery> queue = new TreeMap<>();
  private final Set<Long> seen = new HashSet<>();
  private final WebhookActivities records = Workflow.newActivityStub(WebhookActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public void run(WebhookDeliveryInput input) {
    input.pending().forEach(this::enqueue);
    int delivered = 0;
    while (Workflow.await(IDLE, () -> !queue.isEmpty())) {
      PendingDelivery next = queue.firstEntry().getValue();
      deliver(next, input.retry());
      queue.remove(next.eventId());
      delivered++;
      if (delivered >= DELIVERIES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(new WebhookDeliveryInput(input.subscriptionId(), input.leadId(), input.retry(),
            new ArrayList<>(queue.values())));
      }
    }
  }

  @Override
  public void enqueue(PendingDelivery delivery) {
    if (seen.add(delivery.deliveryId())) {
      queue.put(delivery.eventId(), delivery);
    }
  }

  private void deliver(PendingDelivery delivery, DeliveryRetry retry) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Duration window = Duration.between(now, delivery.giveUpAt());
    if (window.compareTo(LAST_CHANCE) < 0) {
      window = retry.attemptTimeout(); // past its deadline (a backlog after an outage): one attempt still
    }
    WebhookActivities http = Workflow.newActivityStub(WebhookActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(retry.attemptTimeout())
        .setScheduleToCloseTimeout(window)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(retry.initialInterval())
            .setBackoffCoefficient(DeliveryRetry.BACKOFF)
            .setMaximumInterval(retry.maximumInterval())
            .build())
        .build());
    try {
      http.deliverWebhook(new WebhookAttempt(delivery.deliveryId()));
    } catch (ActivityFailure e) {
      // logged once, by the activity that marks it
      records.markWebhookFailed(new WebhookGiveUp(delivery.deliveryId(),
          "no 2xx before " + delivery.giveUpAt() + ": " + rootMessage(e)));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
