package com.leadcadence.workflows.model;

/** What must hold at a step's time for the step to run (a plan step's {@code conditions}). */
public enum StepCondition {
  /** The latest outcome an agent reported is NO_ANSWER. */
  LAST_CALL_NO_ANSWER,
  /** The lead has not replied, by text or by email. */
  NO_REPLY,
  /** The lead has opened (or clicked) none of the cadence's emails. */
  EMAIL_NOT_OPENED
}
