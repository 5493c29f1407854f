package com.leadcadence.store.rows;

import java.time.Instant;

/** A webhook_deliveries row, with its event's type (joined from lead_events). */
public record WebhookDeliveryRow(
    long id,
    long subscriptionId,
    long eventId,
    String eventType,
    long leadId,
    DeliveryStatus status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant giveUpAt,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant finishedAt) {}
