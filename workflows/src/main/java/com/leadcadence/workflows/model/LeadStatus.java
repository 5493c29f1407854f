package com.leadcadence.workflows.model;

/** Where a lead stands. Every status but STARTING, ACTIVE and PAUSED ends the cadence. */
public enum LeadStatus {
  /** The row exists but its workflow has not been confirmed started (a retry of the intake repairs it). */
  STARTING,
  ACTIVE,
  PAUSED,
  CONTACTED,
  APPOINTMENT_SET,
  OPTED_OUT,
  SOLD,
  LOST,
  NOT_INTERESTED,
  WRONG_NUMBER,
  /** Thirty days without contact: handed to long-term nurture. */
  RETIRED,
  /** Grade D (duplicate, spam, non-viable): no cadence is run. */
  NO_CADENCE;

  public boolean isTerminal() {
    return this != STARTING && this != ACTIVE && this != PAUSED;
  }
}
