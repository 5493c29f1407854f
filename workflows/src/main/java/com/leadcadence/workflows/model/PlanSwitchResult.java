package com.leadcadence.workflows.model;

import java.util.List;

/**
 * What a plan switch did to one lead, or (a preview) would do. position: the id of the last step the lead
 * went through in its old plan (null: none yet, so it starts the new plan at its first step). nextStepId:
 * where it continues in the new plan (null: nothing left there). alreadyDone: steps of the new plan after
 * that position which the lead already went through under another position, skipped so none repeats.
 */
public record PlanSwitchResult(
    Outcome outcome,
    String fromPlan,
    int fromVersion,
    String toPlan,
    int toVersion,
    String position,
    String nextStepId,
    List<String> alreadyDone,
    String reason) {

  public enum Outcome {
    /** Switched (or, in a preview, would switch). */
    SWITCHED,
    /** Its position (the last step it went through) is not in the new plan: left alone. */
    NO_COUNTERPART,
    /** It already runs that plan at that version. */
    ALREADY_ON_IT,
    /** Its cadence has ended (contact, close, opt-out, retirement): nothing to move. */
    NOT_RUNNING
  }

  public PlanSwitchResult {
    alreadyDone = alreadyDone == null ? List.of() : List.copyOf(alreadyDone);
  }
}
