package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.Channel;
import java.time.Instant;

/**
 * A step attempt to record before anything is sent (status PENDING). variant: the A/B variant's template the
 * lead got (null for a step without variants; then templateId is the step's one template).
 */
public record NewTouch(
    long leadId,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    String variant,
    String idempotencyKey,
    Instant performedAt) {

  /** A step with one template. */
  public NewTouch(long leadId, int stepIndex, String stepId, Channel channel, String templateId,
      String idempotencyKey, Instant performedAt) {
    this(leadId, stepIndex, stepId, channel, templateId, null, idempotencyKey, performedAt);
  }
}
