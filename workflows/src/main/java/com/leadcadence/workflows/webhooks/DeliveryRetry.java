package com.leadcadence.workflows.webhooks;

import java.time.Duration;

/**
 * How a delivery is retried: exponential backoff (coefficient {@link #BACKOFF}) from initialInterval up
 * to maximumInterval between attempts, each attempt bounded by attemptTimeout; the deadline itself is the
 * delivery's {@link PendingDelivery#giveUpAt}.
 */
public record DeliveryRetry(Duration initialInterval, Duration maximumInterval, Duration attemptTimeout) {
  public static final double BACKOFF = 2.0;
}
