package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.Channel;
import java.time.Instant;

/** A touches row: one step attempt and what became of it. */
public record TouchRow(
    long id,
    long leadId,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    String variant,
    String idempotencyKey,
    TouchState status,
    String recipient,
    String subject,
    String body,
    String provider,
    String providerId,
    String detail,
    Instant performedAt,
    Instant createdAt,
    Instant updatedAt) {}
