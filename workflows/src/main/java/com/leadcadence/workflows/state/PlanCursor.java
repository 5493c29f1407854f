package com.leadcadence.workflows.state;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.plan.PlanPosition;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a lead is in its plan: the plan it runs now (the input's, or the one a switch moved it to), the
 * next step to decide, the steps it went through in plans it left (skipped if the current plan has them
 * further on), the offset of its touch numbers after a switch, and the steps a NO_ANSWER pulled earlier.
 */
public final class PlanCursor {
  private CadencePlan plan;
  private int nextIndex;
  private final Set<String> passedStepIds = new HashSet<>();
  /** Added to plan indexes for touch numbers: 0 until a plan switch ({@link #touchIndex}). */
  private int touchIndexBase;
  /** Steps pulled earlier by a NO_ANSWER: index -> latest time they may run. */
  private final TreeMap<Integer, Instant> pulledForward = new TreeMap<>();

  public PlanCursor(CadencePlan plan) {
    this.plan = plan;
  }

  public CadencePlan plan() {
    return plan;
  }

  public int nextIndex() {
    return nextIndex;
  }

  /** Every step has been decided. */
  public boolean pastTheEnd() {
    return nextIndex >= plan.steps().size();
  }

  public CadenceStep step(int index) {
    return plan.steps().get(index);
  }

  /** The step is decided (sent, skipped, failed or stale): the next one is the one after it. */
  public void done(int index) {
    pulledForward.remove(index);
    nextIndex = index + 1;
  }

  /**
   * The loop of workflows recorded before send-time rules moved past a step without forgetting its
   * pull (their histories replay that way).
   */
  public void skipKeepingPull(int index) {
    nextIndex = index + 1;
  }

  public boolean wentThrough(CadenceStep step) {
    return passedStepIds.contains(step.id());
  }

  /**
   * The touch's number (its idempotency key and step_index): the plan's index, after a plan switch offset
   * past every number the lead's earlier plans used, so a step of the new plan never finds an old touch
   * under its key, and call attempts still count in order.
   */
  public int touchIndex(int index) {
    return touchIndexBase + index;
  }

  /** After an unanswered call the plan's next follow-up of that kind may run no later than now + its delay. */
  public void pullFollowUpAfterNoAnswer(Instant now) {
    for (int i = nextIndex; i < plan.steps().size(); i++) {
      CadenceStep s = step(i);
      if (s.onNoAnswerWithin() != null) {
        pulledForward.put(i, now.plus(s.onNoAnswerWithin()));
        return;
      }
    }
  }

  /** The latest time a NO_ANSWER allows the step, or null. */
  public Instant pulledTo(int index) {
    return pulledForward.get(index);
  }

  /** Where the lead would continue in another plan, by the steps it went through. */
  public PlanPosition positionIn(CadencePlan to) {
    return PlanPosition.byStepId(plan, nextIndex, passedStepIds, to);
  }

  /** The same, falling back to the planned times where the other plan lacks the lead's last step. */
  public PlanPosition positionByStepIdOrTime(CadencePlan to, Function<CadenceStep, Instant> plannedAt) {
    return PlanPosition.byStepIdOrTime(plan, nextIndex, passedStepIds, to, plannedAt);
  }

  /** Moves to the new plan at the mapped position; a pulled step stays pulled where the new plan has it. */
  public void moveTo(CadencePlan to, PlanPosition position) {
    CadencePlan from = plan;
    Map<String, Instant> pulledById = new HashMap<>();
    pulledForward.forEach((index, until) -> pulledById.put(from.steps().get(index).id(), until));
    pulledForward.clear();
    for (int i = position.nextIndex(); i < to.steps().size(); i++) {
      Instant until = pulledById.get(to.steps().get(i).id());
      if (until != null) {
        pulledForward.put(i, until);
      }
    }
    touchIndexBase += from.steps().size();
    plan = to;
    passedStepIds.addAll(position.passed());
    nextIndex = position.nextIndex();
  }

  public Map<Integer, Instant> pulledForward() {
    return new HashMap<>(pulledForward);
  }

  /** Null when none (continuations from before plan switches carry none). */
  public Set<String> passedStepIds() {
    return passedStepIds.isEmpty() ? null : Set.copyOf(passedStepIds);
  }

  /** Null until a plan switch. */
  public Integer touchIndexBase() {
    return touchIndexBase == 0 ? null : touchIndexBase;
  }

  /** What a previous run handed over (its plan is this cursor's: the continuation's input carries it). */
  public void takeOver(int nextIndex, Map<Integer, Instant> pulledForward, Set<String> passedStepIds,
      Integer touchIndexBase) {
    this.nextIndex = nextIndex;
    if (pulledForward != null) {
      this.pulledForward.putAll(pulledForward);
    }
    if (passedStepIds != null) {
      this.passedStepIds.addAll(passedStepIds);
    }
    if (touchIndexBase != null) {
      this.touchIndexBase = touchIndexBase;
    }
  }
}
