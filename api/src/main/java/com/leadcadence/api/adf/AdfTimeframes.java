package com.leadcadence.api.adf;

import com.leadcadence.workflows.model.Timeframe;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ADF {@code <timeframe>} as intake's buying timeframe. Providers write it as free text ("Within
 * 1-2 weeks", "ASAP", "Just browsing") and/or a date range; the latest date (else the earliest) counts
 * from the request date. Unreadable text is "not stated", never an error: it only weighs in the score.
 */
final class AdfTimeframes {
  private static final Pattern AMOUNT =
      Pattern.compile("(\\d{1,3})(?:\\s*(?:-|to)\\s*(\\d{1,3}))?\\s*(hour|hr|day|week|wk|month|mo|year|yr)");
  private static final List<DateTimeFormatter> DATE_TIMES = List.of(
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"),
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx"));

  private AdfTimeframes() {}

  static Timeframe of(AdfDocument.Timeframe timeframe, String requestDate) {
    if (timeframe == null) {
      return null;
    }
    Long days = fromDates(timeframe, requestDate);
    if (days == null) {
      days = fromDescription(AdfLeadMapper.text(timeframe.description()));
    }
    return days == null ? null : forDays(days);
  }

  /** Days for the description's words; BROWSING words give a large number. */
  static Long fromDescription(String description) {
    if (description == null) {
      return null;
    }
    String text = description.toLowerCase(Locale.ROOT);
    if (text.matches(".*\\b(brows\\w*|just looking|not sure|unsure|undecided|no timeframe|no rush)\\b.*")) {
      return Long.MAX_VALUE;
    }
    if (text.matches(".*\\b(today|tomorrow|immediately|asap|right away|this week|now)\\b.*")) {
      return 0L;
    }
    if (text.matches(".*\\bthis month\\b.*")) {
      return 30L;
    }
    if (text.matches(".*\\bnext month\\b.*")) {
      return 60L;
    }
    Matcher m = AMOUNT.matcher(text);
    if (!m.find()) {
      return null;
    }
    long amount = Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1));
    return switch (m.group(3)) {
      case "hour", "hr" -> amount / 24;
      case "day" -> amount;
      case "week", "wk" -> amount * 7;
      case "month", "mo" -> amount * 30;
      default -> amount * 365;
    };
  }

  private static Long fromDates(AdfDocument.Timeframe timeframe, String requestDate) {
    LocalDate by = date(timeframe.latestdate());
    if (by == null) {
      by = date(timeframe.earliestdate());
    }
    LocalDate from = date(requestDate);
    if (by == null || from == null) {
      return null;
    }
    return Math.max(0, ChronoUnit.DAYS.between(from, by));
  }

  static Timeframe forDays(long days) {
    if (days <= 7) {
      return Timeframe.WITHIN_7_DAYS;
    }
    if (days <= 30) {
      return Timeframe.WITHIN_30_DAYS;
    }
    if (days <= 90) {
      return Timeframe.WITHIN_90_DAYS;
    }
    return Timeframe.BROWSING;
  }

  /** The calendar date of an ADF date or date-time (ISO 8601, with or without a colon in the offset). */
  private static LocalDate date(String value) {
    String text = AdfLeadMapper.text(value);
    if (text == null) {
      return null;
    }
    for (DateTimeFormatter format : DATE_TIMES) {
      try {
        return OffsetDateTime.parse(text, format).toLocalDate();
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    try {
      return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
