package com.leadcadence.worker.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A cadence plan file ({@code config/cadences/<name>.yml}) as written: plain strings and numbers, so that
 * {@link CadencePlanValidator} can name the field of every mistake instead of a parser's first exception.
 * grades: the lead grades it serves; sources (optional): only leads from these sources (a plan without
 * sources serves every source of its grades); retirementDay (optional, {@value CadencePlanValidator#DEFAULT_RETIREMENT_DAY}):
 * no step may come after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanFile(
    String name,
    Integer version,
    List<String> grades,
    List<String> sources,
    Integer retirementDay,
    String managerAlertAfter,
    List<Step> steps) {

  /**
   * One step as written. timing: {@code at receipt}, {@code +4h5m} (from the cadence start), {@code day 2 at
   * 11:00} or {@code day 2 morning|afternoon|evening|rotate} (lead-local). afterNoAnswer: an agent's NO_ANSWER
   * pulls the step forward to at most this long after it. callSla, escalateAfter: call steps only.
   * variants: instead of template, two or more A/B templates with weights (each lead gets one).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      String id,
      String channel,
      String template,
      String timing,
      String afterNoAnswer,
      String callSla,
      String escalateAfter,
      List<String> conditions,
      List<Variant> variants) {

    /** A step with one template. */
    public Step(String id, String channel, String template, String timing, String afterNoAnswer, String callSla,
        String escalateAfter, List<String> conditions) {
      this(id, channel, template, timing, afterNoAnswer, callSla, escalateAfter, conditions, null);
    }
  }

  /** One A/B variant of a step as written: a template and its weight (a whole number above 0). */
  public record Variant(String template, Integer weight) {}
}
