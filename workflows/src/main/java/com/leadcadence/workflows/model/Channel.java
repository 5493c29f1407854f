package com.leadcadence.workflows.model;

/** A way of reaching a lead. A CALL is a task for a human agent; VOICEMAIL is an automated drop. */
public enum Channel {
  EMAIL,
  SMS,
  CALL,
  VOICEMAIL;

  public boolean usesPhone() {
    return this != EMAIL;
  }

  /** SMS, calls and voicemail drops only between 08:00 and 21:00 in the lead's time zone. */
  public boolean respectsQuietHours() {
    return this != EMAIL;
  }

  /** A human must be there to take it: calls, and drops (a person may pick up). */
  public boolean needsBusinessHours() {
    return this == CALL || this == VOICEMAIL;
  }

  /** Automated texts and prerecorded voicemail need the lead's prior express consent (TCPA). */
  public boolean needsPriorConsent() {
    return this == SMS || this == VOICEMAIL;
  }
}
