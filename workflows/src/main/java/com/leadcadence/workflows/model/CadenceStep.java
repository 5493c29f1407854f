package com.leadcadence.workflows.model;

import java.time.Duration;
import java.util.List;

/**
 * One touch of a plan. templateId names the message (config/templates). onNoAnswerWithin, when set,
 * pulls this step forward to at most that long after an agent reports NO_ANSWER (the follow-up text).
 * callSla is how long an agent has for a CALL task; escalateAfter (nullable: the dealership's delay for
 * the lead's grade) how long an overdue CALL task waits before it escalates. conditions: the step runs
 * only if all of them hold at its time, and is skipped otherwise (empty: always).
 *
 * variants (null: none): the step's A/B templates; each lead gets one of them (chosen by the touch activity,
 * {@link com.leadcadence.workflows.plan.VariantChoice}), and templateId is the first one's template, so code
 * that reads templateId keeps working.
 *
 * <p>escalateAfter and conditions came after 0.1.0, variants later: inputs recorded before them have none
 * (null), which reads as the old behaviour.
 */
public record CadenceStep(
    String id,
    Channel channel,
    String templateId,
    StepTiming timing,
    Duration onNoAnswerWithin,
    Duration callSla,
    Duration escalateAfter,
    List<StepCondition> conditions,
    List<TemplateVariant> variants) {

  public CadenceStep {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    variants = variants == null ? null : List.copyOf(variants);
  }

  /** A step with one template. */
  public CadenceStep(String id, Channel channel, String templateId, StepTiming timing, Duration onNoAnswerWithin,
      Duration callSla, Duration escalateAfter, List<StepCondition> conditions) {
    this(id, channel, templateId, timing, onNoAnswerWithin, callSla, escalateAfter, conditions, null);
  }

  /** Every template this step may send: its variants' (in plan order), or its one template. */
  public List<String> templateIds() {
    return variants == null ? List.of(templateId) : variants.stream().map(TemplateVariant::template).toList();
  }

  public static CadenceStep of(String id, Channel channel, String templateId, StepTiming timing) {
    return new CadenceStep(id, channel, templateId, timing, null, null, null, List.of());
  }

  public CadenceStep withNoAnswerFollowUp(Duration within) {
    return new CadenceStep(id, channel, templateId, timing, within, callSla, escalateAfter, conditions, variants);
  }

  public CadenceStep withCallSla(Duration sla) {
    return new CadenceStep(id, channel, templateId, timing, onNoAnswerWithin, sla, escalateAfter, conditions,
        variants);
  }
}
