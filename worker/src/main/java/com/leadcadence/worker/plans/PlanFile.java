package com.leadcadence.worker.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A cadence plan file ({@code config/cadences/<name>.yml}) as written: plain strings and numbers, so that
 * {@link CadencePlanValidator} can name the field of every mistake instead of a parser's first exception.
 * grades: the lead grades it serves; sources (optional): only leads from these sources (a plan without
 * sources serves every source of its grades); retirementDay (optional, {@value CadencePlanValidator#DEFAULT_RETIREMENT_DAY}):
 * no step may come after it. staleAfter (optional): the plan's staleness limit per channel ({@code sms},
 * {@code voicemail}, {@code email}, {@code call}), a duration each; a channel not named keeps the default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "version", "grades", "sources", "retirementDay", "managerAlertAfter", "staleAfter",
    "steps"})
public record PlanFile(
    String name,
    Integer version,
    List<String> grades,
    List<String> sources,
    Integer retirementDay,
    String managerAlertAfter,
    List<Step> steps,
    Map<String, String> staleAfter) {

  /** A plan without staleness limits of its own. */
  public PlanFile(String name, Integer version, List<String> grades, List<String> sources, Integer retirementDay,
      String managerAlertAfter, List<Step> steps) {
    this(name, version, grades, sources, retirementDay, managerAlertAfter, steps, null);
  }

  /**
   * One step as written. timing: {@code at receipt}, {@code +4h5m} (from the cadence start), {@code day 2 at
   * 11:00} or {@code day 2 morning|afternoon|evening|rotate} (lead-local). afterNoAnswer: an agent's NO_ANSWER
   * pulls the step forward to at most this long after it. callSla, escalateAfter: call steps only.
   * variants: instead of template, two or more A/B templates with weights (each lead gets one).
   * timingVariants: instead of timing, two or more A/B timings with weights (each lead gets one).
   * staleAfter: this step's staleness limit (instead of the plan's for its channel).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "channel", "template", "variants", "timing", "timingVariants", "afterNoAnswer",
      "callSla", "escalateAfter", "staleAfter", "conditions"})
  public record Step(
      String id,
      String channel,
      String template,
      String timing,
      String afterNoAnswer,
      String callSla,
      String escalateAfter,
      List<String> conditions,
      List<Variant> variants,
      List<TimingVariant> timingVariants,
      String staleAfter) {

    /** A step with one template. */
    public Step(String id, String channel, String template, String timing, String afterNoAnswer, String callSla,
        String escalateAfter, List<String> conditions) {
      this(id, channel, template, timing, afterNoAnswer, callSla, escalateAfter, conditions, null);
    }

    /** A step with one timing and the plan's staleness limit. */
    public Step(String id, String channel, String template, String timing, String afterNoAnswer, String callSla,
        String escalateAfter, List<String> conditions, List<Variant> variants) {
      this(id, channel, template, timing, afterNoAnswer, callSla, escalateAfter, conditions, variants, null, null);
    }
  }

  /** One A/B variant of a step as written: a template and its weight (a whole number above 0). */
  public record Variant(String template, Integer weight) {}

  /** One A/B timing of a step as written: a timing (as a step's, not at receipt) and its weight (above 0). */
  public record TimingVariant(String timing, Integer weight) {}
}
