package com.leadcadence.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Performs one step of a cadence: sends the email, text or voicemail, or creates the agent's call task. */
@ActivityInterface
public interface TouchActivities {

  /**
   * Idempotent by {@link TouchRequest#idempotencyKey()}: a retry returns the first attempt's result
   * and never sends again. Re-checks the opt-out registry before any send.
   */
  @ActivityMethod
  TouchResult perform(TouchRequest request);
}
