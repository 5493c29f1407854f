package com.leadcadence.worker.plans;

import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short forms a plan file writes durations and timings in. Durations: {@code 0}, {@code 15m},
 * {@code 4h}, {@code 4h5m}, {@code 2d}. Timings: {@code at receipt}, {@code +<duration>} from the cadence
 * start, {@code day <N> at <HH:MM>}, or {@code day <N> <morning|afternoon|evening|rotate>} in the lead's
 * time zone (see {@link TimeOfDay}).
 */
final class PlanTexts {
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?");
  private static final Pattern AFTER_START = Pattern.compile("\\+\\s*(.+)");
  private static final Pattern ON_DAY = Pattern.compile("day\\s+(\\d+)\\s+(?:at\\s+(\\d{1,2}:\\d{2})|(\\w+))");

  private PlanTexts() {}

  /** A duration in the plan's short form; empty when it is not one. */
  static Optional<Duration> duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = DURATION.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
        .plusMinutes(number(m.group(3))));
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  /** A parsed timing (with the time-of-day slot it took, for the next rotate), or why it is not one. */
  sealed interface Timing permits Parsed, Unreadable {}

  record Parsed(StepTiming timing, TimeOfDay slot) implements Timing {}

  record Unreadable(String why) implements Timing {}

  static Timing timing(String text, TimeOfDay previousSlot) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (t.equals("at receipt")) {
      return new Parsed(StepTiming.atReceipt(), null);
    }
    Matcher after = AFTER_START.matcher(t);
    if (after.matches()) {
      return duration(after.group(1))
          .<Timing>map(d -> new Parsed(StepTiming.afterStart(d), null))
          .orElseGet(() -> new Unreadable("'" + after.group(1) + "' is not a duration (e.g. 15m, 4h5m, 2d)"));
    }
    Matcher day = ON_DAY.matcher(t);
    if (!day.matches()) {
      return new Unreadable("'" + text + "' is not a timing: write 'at receipt', '+15m', 'day 2 at 11:00' or "
          + "'day 2 morning|afternoon|evening|rotate'");
    }
    int n = Integer.parseInt(day.group(1));
    if (day.group(2) != null) {
      try {
        return new Parsed(StepTiming.onDay(n, LocalTime.parse(day.group(2).length() == 4
            ? "0" + day.group(2) : day.group(2))), null);
      } catch (DateTimeParseException e) {
        return new Unreadable("'" + day.group(2) + "' is not a time of day (HH:MM, 00:00-23:59)");
      }
    }
    Optional<TimeOfDay> slot = TimeOfDay.named(day.group(3), previousSlot);
    return slot.<Timing>map(s -> new Parsed(StepTiming.onDay(n, s.at()), s))
        .orElseGet(() -> new Unreadable("'" + day.group(3) + "' is not morning, afternoon, evening or rotate"));
  }
}
