package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Holiday rules (dates, yearly dates, weekday-of-month rules) and how they close the dealership. */
class HolidaysTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void eachFormReadsBackToItsCanonicalText() {
    List<Holiday> holidays = HolidayFormat.parse(
        "2026-12-24;12-25 ; last monday of May;4th Thu of nov; 1st MON of SEPTEMBER;  2nd  tue of jan ;");
    assertEquals("2026-12-24; 12-25; last MON of MAY; 4th THU of NOV; 1st MON of SEP; 2nd TUE of JAN",
        HolidayFormat.format(holidays));
    assertEquals(holidays, HolidayFormat.parse(HolidayFormat.format(holidays)), "the canonical text reads back");
    assertEquals(List.of(), HolidayFormat.parse(" "));
    assertEquals(List.of(), HolidayFormat.parse((String) null));
    assertEquals(HolidayFormat.parse("12-25; 3rd MON of JAN"), HolidayFormat.parse(List.of("12-25", "3rd mon of jan")));
  }

  @Test
  void rejectsWhatItCannotRead() {
    for (String bad : List.of("13-45", "02-30", "2026-02-29", "2026-13-01", "6th MON of MAY", "0th MON of MAY",
        "last FOO of MAY", "last MON of SPRING", "xmas", "12/25", "12-25-2026", "last MON MAY", "1-1")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HolidayFormat.parse(bad), bad);
      assertTrue(e.getMessage().contains("'"), "the message quotes the rule: " + e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> HolidayFormat.parse(List.of("12-25; 01-01")),
        "one rule per list entry");
  }

  @Test
  void weekdayRulesLandOnThePublishedDatesYearAfterYear() {
    // US federal calendar facts: Thanksgiving, Memorial Day, Labor Day, Martin Luther King Jr. Day.
    Map<String, List<String>> published = Map.of(
        "4th THU of NOV", List.of("2024-11-28", "2025-11-27", "2026-11-26", "2027-11-25", "2028-11-23", "2029-11-22"),
        "last MON of MAY", List.of("2024-05-27", "2025-05-26", "2026-05-25", "2027-05-31", "2028-05-29", "2029-05-28"),
        "1st MON of SEP", List.of("2024-09-02", "2025-09-01", "2026-09-07", "2027-09-06", "2028-09-04", "2029-09-03"),
        "3rd MON of JAN", List.of("2024-01-15", "2025-01-20", "2026-01-19", "2027-01-18", "2028-01-17", "2029-01-15"));
    published.forEach((rule, dates) -> {
      Holiday holiday = HolidayFormat.parseRule(rule);
      for (int year = 2024; year <= 2029; year++) {
        assertEquals(List.of(LocalDate.parse(dates.get(year - 2024))), daysOf(holiday, year), rule + " in " + year);
      }
    });
  }

  @Test
  void everyRuleFallsOnceAYearOrNotAtAll() {
    for (int year = 2000; year <= 2100; year++) {
      for (String rule : List.of("1st SUN of MAR", "2nd SAT of FEB", "4th FRI of DEC", "last WED of FEB")) {
        assertEquals(1, daysOf(HolidayFormat.parseRule(rule), year).size(), rule + " in " + year);
      }
      // A fifth Monday in May exists only some years; Feb 29 only in leap years.
      int fifthMondays = daysOf(HolidayFormat.parseRule("5th MON of MAY"), year).size();
      assertEquals(LocalDate.of(year, 5, 1).getDayOfWeek().getValue() >= 6
          || LocalDate.of(year, 5, 1).getDayOfWeek().getValue() == 1 ? 1 : 0, fifthMondays, "5th MON of MAY " + year);
      assertEquals(LocalDate.of(year, 1, 1).isLeapYear() ? 1 : 0, daysOf(HolidayFormat.parseRule("02-29"), year).size());
      assertEquals(List.of(LocalDate.of(year, 12, 25)), daysOf(HolidayFormat.parseRule("12-25"), year));
      assertEquals(year == 2026 ? 1 : 0, daysOf(HolidayFormat.parseRule("2026-07-03"), year).size());
    }
  }

  @Test
  void aHolidayClosesTheWholeLocalDayNotTheUtcOne() {
    BusinessCalendar allDay = calendar("MON-SUN 00:00-23:59", "12-25");
    assertTrue(allDay.isOpen(chicago("2026-12-24T23:30")), "23:30 on the 24th in Chicago is 05:30 UTC on the 25th");
    assertFalse(allDay.isOpen(chicago("2026-12-25T00:30")));
    assertFalse(allDay.isOpen(chicago("2026-12-25T12:00")));
    assertEquals(Optional.empty(), allDay.closesAfter(chicago("2026-12-25T12:00")));
    assertEquals(Optional.of(chicago("2026-12-26T00:00")), allDay.openAtOrAfter(chicago("2026-12-25T12:00")));
  }

  @Test
  void theNextOpeningSkipsHolidaysAcrossTheEndOfDaylightSavingTime() {
    // DST ended on Sunday 2026-11-01; Monday the 2nd is a holiday; Tuesday 09:00 is CST (UTC-6).
    BusinessCalendar business = calendar("MON-SAT 09:00-20:00", "1st MON of NOV");
    Instant saturdayNight = chicago("2026-10-31T20:30");
    assertEquals(Optional.of(Instant.parse("2026-11-03T15:00:00Z")), business.openAtOrAfter(saturdayNight));
    assertEquals(Optional.of(Instant.parse("2026-11-02T15:00:00Z")),
        calendar("MON-SAT 09:00-20:00", "").openAtOrAfter(saturdayNight), "without the holiday: Monday");
  }

  @Test
  void theNextOpeningSkipsHolidaysAcrossTheStartOfDaylightSavingTime() {
    // DST began on Sunday 2026-03-08; Monday the 9th is closed; Tuesday 09:00 is CDT (UTC-5).
    BusinessCalendar business = calendar("MON-SAT 09:00-20:00", "2026-03-09");
    assertEquals(Optional.of(Instant.parse("2026-03-10T14:00:00Z")), business.openAtOrAfter(chicago("2026-03-07T21:00")));
    assertTrue(business.isOpen(chicago("2027-03-08T10:00")), "a dated holiday is that year's only");
  }

  @Test
  void consecutiveHolidaysAndAWeekendAreSkippedTogether() {
    BusinessCalendar business = calendar("MON-FRI 09:00-17:00", "12-24; 12-25; 2026-12-28; 12-31; 01-01");
    assertEquals(Optional.of(chicago("2026-12-29T09:00")), business.openAtOrAfter(chicago("2026-12-23T17:30")));
    assertEquals(Optional.of(chicago("2027-01-04T09:00")), business.openAtOrAfter(chicago("2026-12-30T18:00")));
  }

  @Test
  void callsAndDropsWaitForTheNextOpenDayWhileTextsAndEmailsDoNot() {
    ContactWindow window = new ContactWindow(CHICAGO, calendar("MON-SAT 09:00-20:00", "4th THU of NOV"));
    Instant thanksgivingMorning = chicago("2026-11-26T10:00");
    assertEquals(Optional.of(chicago("2026-11-27T09:00")), window.earliestAllowed(Channel.CALL, thanksgivingMorning));
    assertEquals(Optional.of(chicago("2026-11-27T09:00")), window.earliestAllowed(Channel.VOICEMAIL, thanksgivingMorning));
    assertEquals(Optional.of(thanksgivingMorning), window.earliestAllowed(Channel.SMS, thanksgivingMorning));
    assertEquals(Optional.of(thanksgivingMorning), window.earliestAllowed(Channel.EMAIL, thanksgivingMorning));
    // The evening before, a call's window ends at closing, as on any day.
    assertEquals(Optional.of(chicago("2026-11-25T20:00")), window.allowedUntil(Channel.CALL, chicago("2026-11-25T19:00")));
  }

  @Test
  void aScheduleFromBeforeHolidaysHasNone() {
    DealershipSchedule old = new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SAT 09:00-20:00"), null);
    assertEquals(List.of(), old.holidays());
    assertTrue(new BusinessCalendar(old).isOpen(chicago("2026-12-25T10:00")));
  }

  private static BusinessCalendar calendar(String hours, String holidays) {
    return new BusinessCalendar(new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse(hours),
        HolidayFormat.texts(HolidayFormat.parse(holidays))));
  }

  private static List<LocalDate> daysOf(Holiday holiday, int year) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (holiday.fallsOn(d)) {
        days.add(d);
      }
    }
    return days;
  }

  private static Instant chicago(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
  }
}
