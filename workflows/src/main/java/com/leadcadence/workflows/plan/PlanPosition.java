package com.leadcadence.workflows.plan;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.PlanSwitchResult;
import com.leadcadence.workflows.model.PlanSwitchResult.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a lead continues when it moves to another plan: after the step it last went through, found by id.
 * Steps of the new plan after that point which it went through anyway (a reordered plan) are skipped, so
 * no step runs twice. Pure: the workflow, its preview query and tests all use the same rules.
 *
 * @param nextIndex the new plan's index the lead continues at (= steps().size() when nothing is left)
 * @param passed the ids of every step the lead went through so far (in any plan); they never run again
 */
public record PlanPosition(Outcome outcome, int nextIndex, String position, Set<String> passed) {

  /**
   * Maps by step id: the lead is at {@code nextIndex} of {@code from} and also went through
   * {@code passedEarlier} (steps of plans it left before). NO_COUNTERPART when its last step is not in
   * {@code to}.
   */
  public static PlanPosition byStepId(CadencePlan from, int nextIndex, Set<String> passedEarlier, CadencePlan to) {
    Set<String> passed = passedThrough(from, nextIndex, passedEarlier);
    if (nextIndex == 0) {
      return new PlanPosition(Outcome.SWITCHED, 0, null, passed);
    }
    String position = from.steps().get(Math.min(nextIndex, from.steps().size()) - 1).id();
    int at = indexOf(to, position);
    if (at < 0) {
      return new PlanPosition(Outcome.NO_COUNTERPART, nextIndex, position, passed);
    }
    return new PlanPosition(Outcome.SWITCHED, at + 1, position, passed);
  }

  /**
   * By step id where the new plan has the lead's last step; otherwise by time: the lead continues at the
   * first step of {@code to} planned after the step it last went through (planned times, so a late
   * wake-up does not push it further). For grade changes, where the plans are written independently.
   */
  public static PlanPosition byStepIdOrTime(CadencePlan from, int nextIndex, Set<String> passedEarlier,
      CadencePlan to, Function<CadenceStep, Instant> plannedAt) {
    PlanPosition byId = byStepId(from, nextIndex, passedEarlier, to);
    if (byId.outcome() != Outcome.NO_COUNTERPART) {
      return byId;
    }
    Instant last = plannedAt.apply(from.steps().get(Math.min(nextIndex, from.steps().size()) - 1));
    int at = 0;
    while (at < to.steps().size() && !plannedAt.apply(to.steps().get(at)).isAfter(last)) {
      at++;
    }
    return new PlanPosition(Outcome.SWITCHED, at, byId.position(), byId.passed());
  }

  /** The steps of {@code to} from the new position on that the lead went through already: skipped. */
  public List<String> alreadyDone(CadencePlan to) {
    List<String> done = new ArrayList<>();
    for (int i = nextIndex; i < to.steps().size(); i++) {
      if (passed.contains(to.steps().get(i).id())) {
        done.add(to.steps().get(i).id());
      }
    }
    return done;
  }

  /** The answer for the lead's history, its Update's caller and a dry run. */
  public PlanSwitchResult result(CadencePlan from, CadencePlan to, String reason) {
    String next = null;
    if (outcome == Outcome.SWITCHED) {
      for (int i = nextIndex; i < to.steps().size() && next == null; i++) {
        if (!passed.contains(to.steps().get(i).id())) {
          next = to.steps().get(i).id();
        }
      }
    }
    return new PlanSwitchResult(outcome, from.name(), from.version(), to.name(), to.version(), position, next,
        outcome == Outcome.SWITCHED ? alreadyDone(to) : List.of(), reason);
  }

  private static Set<String> passedThrough(CadencePlan from, int nextIndex, Set<String> passedEarlier) {
    Set<String> passed = new HashSet<>(passedEarlier);
    for (int i = 0; i < Math.min(nextIndex, from.steps().size()); i++) {
      passed.add(from.steps().get(i).id());
    }
    return Set.copyOf(passed);
  }

  private static int indexOf(CadencePlan plan, String stepId) {
    for (int i = 0; i < plan.steps().size(); i++) {
      if (plan.steps().get(i).id().equals(stepId)) {
        return i;
      }
    }
    return -1;
  }
}
