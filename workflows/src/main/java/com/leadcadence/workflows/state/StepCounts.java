package com.leadcadence.workflows.state;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.StepTiming;

/**
 * How a lead's steps ended, for its state, its result and the reports: performed (and of those, the
 * follow-up attempts: every step not anchored at receipt, so the acknowledgment is no attempt), failed
 * out of retries, skipped as stale, and cancelled before a provider took them.
 */
public final class StepCounts {
  private int performed;
  private int attempts;
  private int failed;
  private int stale;
  private int cancelled;

  public void performed(CadenceStep step) {
    performed++;
    if (step.timing().anchor() != StepTiming.Anchor.RECEIPT) {
      attempts++;
    }
  }

  public void failed() {
    failed++;
  }

  public void stale() {
    stale++;
  }

  public void cancelled() {
    cancelled++;
  }

  public int performed() {
    return performed;
  }

  public int attempts() {
    return attempts;
  }

  public int failedSteps() {
    return failed;
  }

  public int staleSteps() {
    return stale;
  }

  public int cancelledSteps() {
    return cancelled;
  }

  /** What a previous run handed over. */
  public void takeOver(int performed, int attempts, int failed, int stale, int cancelled) {
    this.performed = performed;
    this.attempts = attempts;
    this.failed = failed;
    this.stale = stale;
    this.cancelled = cancelled;
  }
}
