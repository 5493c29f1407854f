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

  /**
   * Records a step whose perform ran out of retries as FAILED with the reason (a PENDING or SENDING
   * row is settled, a settled one left alone). For a CALL step the agent still gets a task, which the
   * result carries. Idempotent.
   */
  @ActivityMethod
  TouchResult recordFailure(UnsentTouch step);

  /** Records a step skipped because it was too late as SKIPPED_STALE with the reason. Idempotent. */
  @ActivityMethod
  TouchResult recordSkippedStale(UnsentTouch step);

  /**
   * Records a step whose send the workflow cancelled (the cadence ended, or its channel was blocked,
   * while the send was scheduled or running) as CANCELLED with the reason. Only a touch nothing was
   * handed to a provider for is cancelled: a SENT one stays SENT (the result says so), one whose send
   * had no clear answer becomes or stays UNCONFIRMED. Idempotent.
   */
  @ActivityMethod
  TouchResult recordCancelled(UnsentTouch step);
}
