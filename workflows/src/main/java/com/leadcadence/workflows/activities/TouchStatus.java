package com.leadcadence.workflows.activities;

/** What became of a step. The two SKIPPED/BLOCKED kinds tell the workflow to stop using that channel. */
public enum TouchStatus {
  SENT,
  TASK_CREATED,
  /** The address is on the dealership's opt-out list for this channel. */
  SKIPPED_OPTED_OUT,
  /** A permanent provider failure (invalid number, landline for SMS, hard bounce). */
  CHANNEL_BLOCKED;

  public boolean blocksChannel() {
    return this == SKIPPED_OPTED_OUT || this == CHANNEL_BLOCKED;
  }
}
