package com.leadcadence.api.outboundwebhooks;

import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import java.time.Instant;

/** One event's delivery to a subscription: its status, attempts so far and the last answer. */
public record DeliveryView(
    long id,
    long eventId,
    String eventType,
    long leadId,
    DeliveryStatus status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant finishedAt,
    Instant giveUpAt) {

  static DeliveryView of(WebhookDeliveryRow row) {
    return new DeliveryView(row.id(), row.eventId(), row.eventType(), row.leadId(), row.status(), row.attempts(),
        row.lastStatusCode(), row.lastError(), row.createdAt(), row.lastAttemptAt(), row.finishedAt(),
        row.giveUpAt());
  }
}
