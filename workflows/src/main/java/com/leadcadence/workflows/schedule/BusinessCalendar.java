package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A dealership's opening hours in its own time zone: is it open, and when does it next open. */
public final class BusinessCalendar {
  private final ZoneId zone;
  private final Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);

  public BusinessCalendar(DealershipSchedule schedule) {
    this.zone = ZoneId.of(schedule.timeZone());
    schedule.openingHours().forEach(h -> hours.put(h.day(), h));
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isOpen(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    OpeningHours today = hours.get(local.getDayOfWeek());
    return today != null
        && !local.toLocalTime().isBefore(today.opens())
        && local.toLocalTime().isBefore(today.closes());
  }

  /** When the opening period that contains t ends; empty when closed at t. */
  public Optional<Instant> closesAfter(Instant t) {
    if (!isOpen(t)) {
      return Optional.empty();
    }
    ZonedDateTime local = t.atZone(zone);
    OpeningHours today = hours.get(local.getDayOfWeek());
    return Optional.of(ZonedDateTime.of(local.toLocalDate(), today.closes(), zone).toInstant());
  }

  /** t itself when open, else the next opening; empty when the dealership never opens. */
  public Optional<Instant> openAtOrAfter(Instant t) {
    if (isOpen(t)) {
      return Optional.of(t);
    }
    LocalDate date = t.atZone(zone).toLocalDate();
    for (int i = 0; i <= 7; i++) {
      LocalDate day = date.plusDays(i);
      OpeningHours h = hours.get(day.getDayOfWeek());
      if (h != null) {
        Instant opens = ZonedDateTime.of(day, h.opens(), zone).toInstant();
        if (opens.isAfter(t)) {
          return Optional.of(opens);
        }
      }
    }
    return Optional.empty();
  }
}
