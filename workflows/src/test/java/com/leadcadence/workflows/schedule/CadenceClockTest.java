package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CadenceClockTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final BusinessCalendar BUSINESS = new BusinessCalendar(
      new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SAT 09:00-20:00")));

  private static Instant chicago(String t) {
    return LocalDateTime.parse(t).atZone(CHICAGO).toInstant();
  }

  @Test
  void aLeadInBusinessHoursStartsAtReceipt() {
    CadenceClock clock = new CadenceClock(chicago("2026-11-24T10:00"), BUSINESS, CHICAGO);
    assertEquals(chicago("2026-11-24T10:00"), clock.start());
    assertEquals(chicago("2026-11-24T10:15"), clock.plannedAt(StepTiming.afterStart(Duration.ofMinutes(15))));
    assertEquals(chicago("2026-11-26T11:00"), clock.plannedAt(StepTiming.onDay(2, LocalTime.of(11, 0))));
  }

  @Test
  void anAfterHoursLeadStartsAtTheNextOpeningButIsAcknowledgedAtOnce() {
    CadenceClock clock = new CadenceClock(chicago("2026-11-24T22:40"), BUSINESS, CHICAGO);
    assertEquals(chicago("2026-11-25T09:00"), clock.start());
    assertEquals(chicago("2026-11-24T22:40"), clock.plannedAt(StepTiming.atReceipt()));
    assertEquals(chicago("2026-11-25T09:00"), clock.plannedAt(StepTiming.afterStart(Duration.ZERO)));
    assertEquals(chicago("2026-11-26T10:30"), clock.plannedAt(StepTiming.onDay(1, LocalTime.of(10, 30))));
  }
}
