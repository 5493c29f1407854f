package com.leadcadence.workflows.model;

/** What happened when someone tried to reach the lead, reported by an agent or the CRM. */
public enum OutcomeType {
  CONTACTED,
  NO_ANSWER,
  LEFT_VOICEMAIL,
  APPOINTMENT_SET,
  WRONG_NUMBER,
  NOT_INTERESTED,
  SOLD,
  LOST
}
