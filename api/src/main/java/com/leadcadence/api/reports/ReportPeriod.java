package com.leadcadence.api.reports;

import com.leadcadence.api.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The days a report covers, from and to inclusive, in the dealership's zone: a lead counts when it was
 * received from the start of `from` to the end of `to` there. Given as from and to (YYYY-MM-DD) or as a
 * period (today, monthToDate); with neither, month to date.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  /** A year, leap day included: longer ranges are refused so that one request stays cheap. */
  static final long MAX_DAYS = 366;

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** Exclusive: the start of the day after `to`. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  static ReportPeriod read(String from, String to, String period, ZoneId zone, Clock clock) {
    boolean datesGiven = present(from) || present(to);
    if (present(period)) {
      if (datesGiven) {
        throw ApiException.invalid("period", "give either period or from and to, not both");
      }
      return named(period.trim(), zone, clock);
    }
    if (!datesGiven) {
      return named("monthToDate", zone, clock);
    }
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first)) {
      throw ApiException.invalid("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw ApiException.invalid("to", "a report covers at most " + MAX_DAYS + " days");
    }
    return new ReportPeriod(first, last, zone);
  }

  private static ReportPeriod named(String period, ZoneId zone, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return switch (period.toLowerCase(Locale.ROOT)) {
      case "today" -> new ReportPeriod(today, today, zone);
      case "monthtodate" -> new ReportPeriod(today.withDayOfMonth(1), today, zone);
      default -> throw ApiException.invalid("period", "must be today or monthToDate");
    };
  }

  private static LocalDate date(String field, String value) {
    if (!present(value)) {
      throw ApiException.invalid(field, "is required (YYYY-MM-DD) unless period is given");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be a date as YYYY-MM-DD");
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
