package com.leadcadence.workflows.webhooks;

import io.temporal.activity.ActivityInterface;

/** The HTTP side of outbound webhooks; both methods are safe to repeat. */
@ActivityInterface
public interface WebhookActivities {

  /**
   * One signed POST of the delivery's event; returns when the receiver answered 2xx (or the delivery is
   * no longer PENDING: delivered before, or its subscription deleted), throws otherwise (to be retried).
   */
  void deliverWebhook(WebhookAttempt attempt);

  /** The retry window closed without a 2xx: the delivery becomes FAILED (visible on the deliveries route). */
  void markWebhookFailed(WebhookGiveUp giveUp);
}
