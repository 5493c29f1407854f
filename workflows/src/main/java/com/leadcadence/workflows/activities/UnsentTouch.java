package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * A step the workflow did not get sent: it failed for good, or it was skipped as stale. Its touch row
 * (same idempotency key as the step's send) records why; for a failed CALL step the agent still gets
 * a task, due after callSla, escalating after escalateAfter (null: the dealership's delay for the grade).
 */
public record UnsentTouch(
    long leadId,
    long dealershipId,
    String workflowId,
    int stepIndex,
    String stepId,
    Channel channel,
    String templateId,
    Instant at,
    Long agentId,
    Duration callSla,
    String reason,
    Duration escalateAfter) {

  /** With the dealership's escalation delay: records from before steps had their own, tests. */
  public UnsentTouch(long leadId, long dealershipId, String workflowId, int stepIndex, String stepId,
      Channel channel, String templateId, Instant at, Long agentId, Duration callSla, String reason) {
    this(leadId, dealershipId, workflowId, stepIndex, stepId, channel, templateId, at, agentId, callSla, reason, null);
  }

  public String idempotencyKey() {
    return WorkflowIds.idempotencyKey(workflowId, stepIndex);
  }
}
