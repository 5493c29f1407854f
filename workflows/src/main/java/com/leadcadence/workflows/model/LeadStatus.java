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
  NO_CADENCE,
  /**
   * A repeat inquiry of a lead still open (same phone or email, same dealership, last 30 days): stored
   * and linked to that original, graded D, never given a workflow of its own; the original's cadence
   * hears of it instead. Only intake writes it (no workflow ever reports it).
   */
  DUPLICATE;

  public boolean isTerminal() {
    return this != STARTING && this != ACTIVE && this != PAUSED;
  }
}
