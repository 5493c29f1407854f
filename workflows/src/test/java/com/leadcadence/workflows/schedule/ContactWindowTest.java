package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactWindowTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final BusinessCalendar MON_SAT_9_TO_8 = new BusinessCalendar(
      new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SAT 09:00-20:00")));

  /** 2026-11-23 is a Monday. */
  private static Instant chicago(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
  }

  @Test
  void emailIsAllowedAtAnyHour() {
    ContactWindow window = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
    Instant lateSunday = chicago("2026-11-29T23:30");
    assertEquals(Optional.of(lateSunday), window.earliestAllowed(Channel.EMAIL, lateSunday));
  }

  @Test
  void smsWaitsForEightInTheMorningOfTheLeadsZone() {
    ContactWindow window = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
    assertEquals(Optional.of(chicago("2026-11-24T08:00")),
        window.earliestAllowed(Channel.SMS, chicago("2026-11-23T22:15")));
    assertEquals(Optional.of(chicago("2026-11-24T08:00")),
        window.earliestAllowed(Channel.SMS, chicago("2026-11-24T06:59")));
  }

  @Test
  void smsMayNotStartInTheLastMinutesBeforeNinePm() {
    ContactWindow window = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
    assertTrue(window.allows(Channel.SMS, chicago("2026-11-24T20:49")));
    assertFalse(window.allows(Channel.SMS, chicago("2026-11-24T20:50")));
    assertFalse(window.allows(Channel.SMS, chicago("2026-11-24T21:00")));
  }

  @Test
  void quietHoursFollowTheLeadNotTheDealership() {
    ContactWindow window = new ContactWindow(LOS_ANGELES, MON_SAT_9_TO_8);
    // 09:30 in Chicago is 07:30 in Los Angeles: too early for a text there.
    Instant expected = LocalDateTime.parse("2026-11-24T08:00").atZone(LOS_ANGELES).toInstant();
    assertEquals(Optional.of(expected), window.earliestAllowed(Channel.SMS, chicago("2026-11-24T09:30")));
  }

  @Test
  void callsWaitForTheDealershipToOpenAndSkipSunday() {
    ContactWindow window = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
    assertEquals(Optional.of(chicago("2026-11-30T09:00")),
        window.earliestAllowed(Channel.CALL, chicago("2026-11-28T20:30")));
    assertEquals(Optional.of(chicago("2026-11-24T09:00")),
        window.earliestAllowed(Channel.VOICEMAIL, chicago("2026-11-24T08:10")));
  }

  @Test
  void aCallNeedsBothTheLeadAwakeAndTheDealershipOpen() {
    ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
    ContactWindow window = new ContactWindow(honolulu, MON_SAT_9_TO_8);
    // Chicago 09:00 is 05:00 in Honolulu; Honolulu 08:00 is Chicago 12:00.
    Instant t = window.earliestAllowed(Channel.CALL, chicago("2026-11-24T09:00")).orElseThrow();
    assertEquals(chicago("2026-11-24T12:00"), t);
    assertTrue(window.allows(Channel.CALL, t));
  }

  @Test
  void noWindowAtAllIsReportedNotLooped() {
    BusinessCalendar nightShift = new BusinessCalendar(
        new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SUN 01:00-03:00")));
    ContactWindow window = new ContactWindow(CHICAGO, nightShift);
    assertEquals(Optional.empty(), window.earliestAllowed(Channel.CALL, chicago("2026-11-24T12:00")));
  }

  @Test
  void everyAnswerIsAllowedAndNotEarlierThanAsked() {
    ContactWindow window = new ContactWindow(LOS_ANGELES, MON_SAT_9_TO_8);
    Instant t = chicago("2026-11-23T00:00");
    for (int i = 0; i < 7 * 24 * 4; i++, t = t.plus(15, ChronoUnit.MINUTES)) {
      for (Channel channel : Channel.values()) {
        Instant allowed = window.earliestAllowed(channel, t).orElseThrow();
        assertFalse(allowed.isBefore(t), channel + " at " + t);
        assertTrue(window.allows(channel, allowed), channel + " at " + t + " -> " + allowed);
      }
    }
  }

  @Test
  void whenOnlyTheCountryIsKnownTextsFitTheWakingHoursOfBothCoasts() {
    ContactWindow window = new ContactWindow(
        LeadZones.parse(LeadZones.NORTH_AMERICA_CONTINENTAL, CHICAGO), MON_SAT_9_TO_8);
    // 09:30 Chicago is 07:30 in Los Angeles: wait for 08:00 there (10:00 Chicago).
    assertEquals(Optional.of(chicago("2026-11-24T10:00")),
        window.earliestAllowed(Channel.SMS, chicago("2026-11-24T09:30")));
    // 19:55 Chicago is 20:55 in New York, past the last start: the next morning on the west coast.
    assertEquals(Optional.of(chicago("2026-11-25T10:00")),
        window.earliestAllowed(Channel.SMS, chicago("2026-11-24T19:55")));
    assertTrue(window.allows(Channel.SMS, chicago("2026-11-24T12:00")));
  }

  @Test
  void anUnknownZoneFallsBackToTheDealershipsAndAListIsParsed() {
    assertEquals(java.util.List.of(CHICAGO), LeadZones.parse(null, CHICAGO));
    assertEquals(java.util.List.of(CHICAGO), LeadZones.parse(" ", CHICAGO));
    assertEquals(java.util.List.of(ZoneId.of("America/New_York"), LOS_ANGELES),
        LeadZones.parse("America/New_York, America/Los_Angeles", CHICAGO));
  }

  @Test
  void aCallTasksDeadlineEndsWhereTheWindowCloses() {
    ContactWindow window = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
    java.time.Duration sla = java.time.Duration.ofMinutes(15);
    assertEquals(sla, window.allowedFor(Channel.CALL, chicago("2026-11-24T10:00"), sla));
    // The dealership closes at 20:00.
    assertEquals(java.time.Duration.ofMinutes(6), window.allowedFor(Channel.CALL, chicago("2026-11-24T19:54"), sla));
  }
}
