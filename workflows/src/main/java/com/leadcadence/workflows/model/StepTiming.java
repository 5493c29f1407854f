package com.leadcadence.workflows.model;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When a step is due. RECEIPT: the moment the lead arrived, whatever the hour (the acknowledgment).
 * START: an offset from the cadence start (receipt, or the next opening for an after-hours lead).
 * DAY: day N after the start, at a local time of day in the lead's time zone.
 */
public record StepTiming(Anchor anchor, Duration offset, int day, LocalTime at) {

  public enum Anchor {
    RECEIPT,
    START,
    DAY
  }

  public static StepTiming atReceipt() {
    return new StepTiming(Anchor.RECEIPT, Duration.ZERO, 0, null);
  }

  public static StepTiming afterStart(Duration offset) {
    return new StepTiming(Anchor.START, offset, 0, null);
  }

  public static StepTiming onDay(int day, LocalTime at) {
    return new StepTiming(Anchor.DAY, Duration.ZERO, day, at);
  }
}
