package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.model.TimingVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step to perform. performedAt is workflow time (so touches carry the cadence's own clock, also
 * under time skipping); callSla is set for CALL steps. allowedUntil (null: no limit, e.g. email) is
 * the end of the contact window the workflow found open: the activity refuses to start a send at or
 * after it (its second line of defence against a late start). escalateAfter (null: the dealership's delay
 * for the lead's grade) is the step's own escalation delay for its call task. variants (null: none) are the
 * step's A/B templates: the activity sends the one {@link com.leadcadence.workflows.plan.VariantChoice} picks
 * for the lead instead of templateId (the first variant's), so the workflow's commands do not change.
 * timingVariants (null: none) are the step's A/B timings: the workflow planned the step at the lead's one
 * ({@link com.leadcadence.workflows.plan.StepTimings}), and the activity records which on the touch
 * ({@link com.leadcadence.workflows.plan.VariantLabel}).
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
    Duration callSla,
    Instant allowedUntil,
    Duration escalateAfter,
    List<TemplateVariant> variants,
    List<TimingVariant> timingVariants) {

  /** Without timing variants: requests from before steps had them, tests. */
  public TouchRequest(long leadId, long dealershipId, String workflowId, int stepIndex, String stepId,
      Channel channel, String templateId, Instant performedAt, Long agentId, Duration callSla,
      Instant allowedUntil, Duration escalateAfter, List<TemplateVariant> variants) {
    this(leadId, dealershipId, workflowId, stepIndex, stepId, channel, templateId, performedAt, agentId, callSla,
        allowedUntil, escalateAfter, variants, null);
  }

  /** Without a window limit: requests from before the limit existed, emails, tests. */
  public TouchRequest(long leadId, long dealershipId, String workflowId, int stepIndex, String stepId,
      Channel channel, String templateId, Instant performedAt, Long agentId, Duration callSla) {
    this(leadId, dealershipId, workflowId, stepIndex, stepId, channel, templateId, performedAt, agentId, callSla,
        null, null);
  }

  /** With the dealership's escalation delay: requests from before steps had their own, tests. */
  public TouchRequest(long leadId, long dealershipId, String workflowId, int stepIndex, String stepId,
      Channel channel, String templateId, Instant performedAt, Long agentId, Duration callSla,
      Instant allowedUntil) {
    this(leadId, dealershipId, workflowId, stepIndex, stepId, channel, templateId, performedAt, agentId, callSla,
        allowedUntil, null);
  }

  /** Without variants: requests from before steps had them, tests. */
  public TouchRequest(long leadId, long dealershipId, String workflowId, int stepIndex, String stepId,
      Channel channel, String templateId, Instant performedAt, Long agentId, Duration callSla,
      Instant allowedUntil, Duration escalateAfter) {
    this(leadId, dealershipId, workflowId, stepIndex, stepId, channel, templateId, performedAt, agentId, callSla,
        allowedUntil, escalateAfter, (List<TemplateVariant>) null);
  }

  public String idempotencyKey() {
    return WorkflowIds.idempotencyKey(workflowId, stepIndex);
  }
}
