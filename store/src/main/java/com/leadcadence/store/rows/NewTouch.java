package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.Channel;
import java.time.Instant;

/** A step attempt to record before anything is sent (status PENDING). */
public record NewTouch(
    long leadId,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    String idempotencyKey,
    Instant performedAt) {}
