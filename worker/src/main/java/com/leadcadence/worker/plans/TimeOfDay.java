package com.leadcadence.worker.plans;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A time-of-day preference of a plan step, resolved to a fixed lead-local time when the plan is loaded,
 * so the workflow's snapshot stays a plain "day N at HH:MM". {@code rotate} takes the slot after the
 * previous preference step of the same plan (morning, afternoon, evening, morning...), so attempts on
 * later days reach the lead at different times of day.
 */
enum TimeOfDay {
  MORNING(LocalTime.of(10, 0)),
  AFTERNOON(LocalTime.of(14, 0)),
  EVENING(LocalTime.of(18, 0));

  private final LocalTime at;

  TimeOfDay(LocalTime at) {
    this.at = at;
  }

  LocalTime at() {
    return at;
  }

  /** morning, afternoon or evening; rotate: the slot after {@code previous} (morning first). */
  static Optional<TimeOfDay> named(String name, TimeOfDay previous) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("rotate")) {
      return Optional.of(previous == null ? MORNING : values()[(previous.ordinal() + 1) % values().length]);
    }
    for (TimeOfDay slot : values()) {
      if (slot.name().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }
}
