package com.leadcadence.workflows.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and prints a dealership's holidays as stored: rules separated by {@code ;}, each one of
 * {@code 2026-12-25} (that day), {@code 12-25} (every year) or {@code <1st|2nd|3rd|4th|5th|last> <day>
 * of <month>} (e.g. {@code last MON of MAY}; days and months by their first three letters or full
 * English names, any case). Blank: no holidays. Printing gives the canonical form of each rule.
 */
public final class HolidayFormat {
  private static final Pattern ON_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern EVERY_YEAR = Pattern.compile("(\\d{2})-(\\d{2})");
  private static final Pattern WEEKDAY_OF_MONTH =
      Pattern.compile("(1st|2nd|3rd|4th|5th|last)\\s+([a-z]+)\\s+of\\s+([a-z]+)", Pattern.CASE_INSENSITIVE);
  private static final String EXPECTED =
      "expected YYYY-MM-DD, MM-DD or a rule like 'last MON of MAY' / '4th THU of NOV'";

  private HolidayFormat() {}

  /** Every rule of a stored {@code ;}-separated text; empty for null or blank. */
  public static List<Holiday> parse(String text) {
    List<Holiday> holidays = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    for (String rule : text.split(";")) {
      if (!rule.isBlank()) {
        holidays.add(parseRule(rule));
      }
    }
    return List.copyOf(holidays);
  }

  /** Each rule separately (e.g. the elements of a JSON array). */
  public static List<Holiday> parse(List<String> rules) {
    List<Holiday> holidays = new ArrayList<>();
    for (String rule : rules == null ? List.<String>of() : rules) {
      if (rule == null || rule.contains(";")) {
        throw new IllegalArgumentException("'" + rule + "': one rule per entry; " + EXPECTED);
      }
      holidays.add(parseRule(rule));
    }
    return List.copyOf(holidays);
  }

  /** The canonical stored form: {@code "12-25; last MON of MAY"}. */
  public static String format(List<Holiday> holidays) {
    return String.join("; ", texts(holidays));
  }

  public static List<String> texts(List<Holiday> holidays) {
    return holidays.stream().map(Holiday::text).toList();
  }

  public static Holiday parseRule(String rule) {
    String text = rule.trim().replaceAll("\\s+", " ");
    try {
      Matcher m = ON_DATE.matcher(text);
      if (m.matches()) {
        return new Holiday.OnDate(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
      }
      m = EVERY_YEAR.matcher(text);
      if (m.matches()) {
        return new Holiday.EveryYear(MonthDay.of(number(m, 1), number(m, 2)));
      }
      m = WEEKDAY_OF_MONTH.matcher(text);
      if (m.matches()) {
        String ordinal = m.group(1).toLowerCase(Locale.ROOT);
        int nth = ordinal.equals("last") ? Holiday.WeekdayOfMonth.LAST : ordinal.charAt(0) - '0';
        return new Holiday.WeekdayOfMonth(nth, named(DayOfWeek.values(), m.group(2), "day"),
            named(Month.values(), m.group(3), "month"));
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("'" + text + "': " + EXPECTED);
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** MON or MONDAY (any case) for a day; JAN or JANUARY for a month. */
  private static <E extends Enum<E>> E named(E[] values, String word, String what) {
    String upper = word.toUpperCase(Locale.ROOT);
    for (E value : values) {
      if (value.name().equals(upper) || (upper.length() == 3 && value.name().startsWith(upper))) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + word + "' in a holiday rule");
  }
}
