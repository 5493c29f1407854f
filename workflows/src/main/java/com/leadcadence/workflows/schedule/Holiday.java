package com.leadcadence.workflows.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A whole day the dealership is closed: one date, the same date every year, or a weekday rule such as
 * "last MON of MAY" (Memorial Day) or "4th THU of NOV" (Thanksgiving). A yearly date is the date
 * itself, with no "observed" weekday when it falls on a weekend. {@link #text()} is the canonical form
 * {@link HolidayFormat} reads back.
 */
public sealed interface Holiday {

  boolean fallsOn(LocalDate date);

  String text();

  /** {@code 2026-12-25}: that day only. */
  record OnDate(LocalDate date) implements Holiday {
    @Override
    public boolean fallsOn(LocalDate day) {
      return date.equals(day);
    }

    @Override
    public String text() {
      return date.toString();
    }
  }

  /** {@code 12-25}: that day every year ({@code 02-29} in leap years only). */
  record EveryYear(MonthDay day) implements Holiday {
    @Override
    public boolean fallsOn(LocalDate date) {
      return MonthDay.from(date).equals(day);
    }

    @Override
    public String text() {
      return String.format(Locale.ROOT, "%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }
  }

  /**
   * {@code 4th THU of NOV}: the n-th given weekday of a month (1-5), or the last one (n = {@link #LAST}).
   * A 5th that a month lacks that year is no holiday that year.
   */
  record WeekdayOfMonth(int nth, DayOfWeek weekday, Month month) implements Holiday {
    public static final int LAST = -1;

    public WeekdayOfMonth {
      if (nth != LAST && (nth < 1 || nth > 5)) {
        throw new IllegalArgumentException("the n-th weekday must be 1st to 5th or last, not " + nth);
      }
    }

    @Override
    public boolean fallsOn(LocalDate date) {
      if (date.getMonth() != month || date.getDayOfWeek() != weekday) {
        return false;
      }
      if (nth == LAST) {
        return date.with(TemporalAdjusters.lastInMonth(weekday)).equals(date);
      }
      return (date.getDayOfMonth() - 1) / 7 + 1 == nth;
    }

    @Override
    public String text() {
      String ordinal = switch (nth) {
        case LAST -> "last";
        case 1 -> "1st";
        case 2 -> "2nd";
        case 3 -> "3rd";
        default -> nth + "th";
      };
      return ordinal + " " + weekday.name().substring(0, 3) + " of " + month.name().substring(0, 3);
    }
  }
}
