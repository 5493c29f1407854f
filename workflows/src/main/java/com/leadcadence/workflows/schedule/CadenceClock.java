package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.StepTiming;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a step's timing into an instant. The cadence starts at receipt, or for an after-hours lead at
 * the dealership's next opening (so the first call is due within minutes of opening); day steps are
 * counted from the start's date in the lead's time zone.
 */
public final class CadenceClock {
  private final Instant receivedAt;
  private final Instant start;
  private final ZoneId leadZone;

  public CadenceClock(Instant receivedAt, BusinessCalendar business, ZoneId leadZone) {
    this.receivedAt = receivedAt;
    this.start = business.openAtOrAfter(receivedAt).orElse(receivedAt);
    this.leadZone = leadZone;
  }

  public Instant start() {
    return start;
  }

  public Instant plannedAt(StepTiming timing) {
    return switch (timing.anchor()) {
      case RECEIPT -> receivedAt;
      case START -> start.plus(timing.offset());
      case DAY -> {
        LocalDate day = start.atZone(leadZone).toLocalDate().plusDays(timing.day());
        yield ZonedDateTime.of(day, timing.at(), leadZone).toInstant();
      }
    };
  }
}
