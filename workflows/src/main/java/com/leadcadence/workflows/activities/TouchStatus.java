package com.leadcadence.workflows.activities;

/** What became of a step. The two SKIPPED/BLOCKED kinds tell the workflow to stop using that channel. */
public enum TouchStatus {
  SENT,
  TASK_CREATED,
  /** The address is on the dealership's opt-out list for this channel. */
  SKIPPED_OPTED_OUT,
  /** A permanent provider failure (invalid number, landline for SMS, hard bounce). */
  CHANNEL_BLOCKED,
  /**
   * The activity refused to start the send: its clock was past the request's allowedUntil (a late
   * start). Nothing was written or sent; the workflow plans the step again.
   */
  SKIPPED_QUIET_HOURS,
  /** The step was too late to be useful and was not sent (recorded by the workflow). */
  SKIPPED_STALE,
  /** The step's activity ran out of retries (recorded by the workflow). */
  FAILED,
  /**
   * The cadence ended (or the step's channel was blocked) while the step was still to be sent: its send
   * was cancelled before any provider had it, and it was not sent.
   */
  CANCELLED,
  /**
   * The cadence ended while an earlier attempt's send had no clear answer: whether the provider has the
   * message is unknown. Never counted as sent.
   */
  UNCONFIRMED;

  public boolean blocksChannel() {
    return this == SKIPPED_OPTED_OUT || this == CHANNEL_BLOCKED;
  }
}
