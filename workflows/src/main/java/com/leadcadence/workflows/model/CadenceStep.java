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
 * timingVariants (null: none): the step's A/B timings; each lead gets one of them, and the workflow plans the
 * step at that timing ({@link com.leadcadence.workflows.plan.StepTimings#timingFor}); timing is the first one's,
 * so code that reads timing (its anchor) keeps working. staleAfter (null: the channel's default, see
 * {@link com.leadcadence.workflows.schedule.SendTimeRules#staleAfter}): how late the step may run before it is
 * skipped as stale, resolved from the plan file (the step's own, else the plan's for its channel).
 *
 * <p>escalateAfter and conditions came after 0.1.0, variants, timingVariants and staleAfter later: inputs
 * recorded before them have none (null), which reads as the old behaviour.
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
    List<TemplateVariant> variants,
    List<TimingVariant> timingVariants,
    Duration staleAfter) {

  public CadenceStep {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    variants = variants == null ? null : List.copyOf(variants);
    timingVariants = timingVariants == null ? null : List.copyOf(timingVariants);
  }

  /** A step with one timing and the channel's staleness limit. */
  public CadenceStep(String id, Channel channel, String templateId, StepTiming timing, Duration onNoAnswerWithin,
      Duration callSla, Duration escalateAfter, List<StepCondition> conditions, List<TemplateVariant> variants) {
    this(id, channel, templateId, timing, onNoAnswerWithin, callSla, escalateAfter, conditions, variants, null,
        null);
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
    return new CadenceStep(id, channel, templateId, timing, within, callSla, escalateAfter, conditions, variants,
        timingVariants, staleAfter);
  }

  public CadenceStep withCallSla(Duration sla) {
    return new CadenceStep(id, channel, templateId, timing, onNoAnswerWithin, sla, escalateAfter, conditions,
        variants, timingVariants, staleAfter);
  }
}
