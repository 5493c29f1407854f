package com.leadcadence.activities.providers.twilio;

import java.util.Locale;

/** Twilio's AnsweredBy, posted to the answering-machine-detection callback of a voicemail drop. */
public enum AnsweredBy {
  HUMAN,
  MACHINE_START,
  MACHINE_END_BEEP,
  MACHINE_END_SILENCE,
  MACHINE_END_OTHER,
  FAX,
  UNKNOWN;

  /** Unrecognised or missing values are UNKNOWN: never leave a message on a guess. */
  public static AnsweredBy parse(String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** A mailbox has finished its greeting: the message now lands after the beep. */
  public boolean canLeaveMessage() {
    return this == MACHINE_END_BEEP || this == MACHINE_END_SILENCE || this == MACHINE_END_OTHER;
  }

  /** A person picked up: a live-call outcome the agent should hear about. */
  public boolean isHuman() {
    return this == HUMAN;
  }
}
