package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * One step to perform. performedAt is workflow time (so touches carry the cadence's own clock, also
 * under time skipping); callSla is set for CALL steps.
 */
public record TouchRequest(
    long leadId,
    long dealershipId,
    String workflowId,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    Instant performedAt,
    Long agentId,
    Duration callSla) {

  public String idempotencyKey() {
    return WorkflowIds.idempotencyKey(workflowId, stepIndex);
  }
}
