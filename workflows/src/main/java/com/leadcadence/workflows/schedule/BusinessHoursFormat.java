package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses and prints opening hours as stored on a dealership: {@code "MON-SAT 09:00-20:00"} or several
 * groups separated by {@code ;}, e.g. {@code "MON-FRI 09:00-20:00; SAT 10:00-16:00"}.
 */
public final class BusinessHoursFormat {

  private BusinessHoursFormat() {}

  public static List<OpeningHours> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("business hours are empty");
    }
    List<OpeningHours> result = new ArrayList<>();
    for (String group : text.split(";")) {
      String[] parts = group.trim().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected 'DAYS HH:MM-HH:MM' but got '" + group.trim() + "'");
      }
      String[] times = parts[1].split("-");
      if (times.length != 2) {
        throw new IllegalArgumentException("expected HH:MM-HH:MM but got '" + parts[1] + "'");
      }
      LocalTime opens = time(times[0]);
      LocalTime closes = time(times[1]);
      if (!closes.isAfter(opens)) {
        throw new IllegalArgumentException("closing time must be after opening time in '" + group.trim() + "'");
      }
      for (DayOfWeek day : days(parts[0])) {
        if (result.stream().anyMatch(h -> h.day() == day)) {
          throw new IllegalArgumentException(day + " is listed twice");
        }
        result.add(new OpeningHours(day, opens, closes));
      }
    }
    result.sort((a, b) -> a.day().compareTo(b.day()));
    return List.copyOf(result);
  }

  private static List<DayOfWeek> days(String spec) {
    String[] range = spec.toUpperCase(Locale.ROOT).split("-");
    DayOfWeek first = day(range[0]);
    DayOfWeek last = range.length == 2 ? day(range[1]) : first;
    if (range.length > 2 || last.compareTo(first) < 0) {
      throw new IllegalArgumentException("bad day range '" + spec + "'");
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (int d = first.getValue(); d <= last.getValue(); d++) {
      days.add(DayOfWeek.of(d));
    }
    return days;
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(abbreviation) && abbreviation.length() == 3) {
        return day;
      }
    }
    throw new IllegalArgumentException("unknown day '" + abbreviation + "' (use MON..SUN)");
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time '" + text + "' (use HH:MM)", e);
    }
  }
}
