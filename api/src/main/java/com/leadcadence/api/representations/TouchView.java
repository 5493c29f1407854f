package com.leadcadence.api.representations;

import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.model.Channel;
import java.time.Instant;

/** One step attempt of a lead's cadence, with the message as sent (or as the dry run would have). */
public record TouchView(
    long id,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    TouchState status,
    String recipient,
    String subject,
    String body,
    String provider,
    String providerId,
    String detail,
    Instant performedAt) {

  public static TouchView of(TouchRow row) {
    return new TouchView(row.id(), row.stepIndex(), row.stepId(), row.channel(), row.templateId(),
        row.status(), row.recipient(), row.subject(), row.body(), row.provider(), row.providerId(),
        row.detail(), row.performedAt());
  }
}
