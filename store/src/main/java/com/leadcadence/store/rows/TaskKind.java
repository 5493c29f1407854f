package com.leadcadence.store.rows;

/** tasks.kind. */
public enum TaskKind {
  /** A cadence call step: call the lead. */
  CALL,
  /** A person picked up a voicemail drop: call them back now. */
  CALL_BACK_NOW,
  /** The lead answered a text: a person takes the conversation on. */
  LEAD_REPLIED,
  /** For a manager: another task slipped past its SLA. */
  ESCALATION
}
