package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dealership's opening hours in its own time zone: is it open, and when does it next open. A holiday
 * closes the whole local day, as a day without hours does.
 */
public final class BusinessCalendar {
  /**
   * How far ahead to look for an opening: a week of hours plus a year of holidays (the stored text
   * holds fewer rules than that). Without holidays the first 8 days decide, as they always did.
   */
  private static final int MAX_DAYS_AHEAD = 7 + 366;

  private final ZoneId zone;
  private final Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
  private final List<Holiday> holidays;

  public BusinessCalendar(DealershipSchedule schedule) {
    this.zone = ZoneId.of(schedule.timeZone());
    schedule.openingHours().forEach(h -> hours.put(h.day(), h));
    this.holidays = HolidayFormat.parse(schedule.holidays());
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isOpen(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    OpeningHours today = hoursOn(local.toLocalDate());
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
    OpeningHours today = hoursOn(local.toLocalDate());
    return Optional.of(ZonedDateTime.of(local.toLocalDate(), today.closes(), zone).toInstant());
  }

  /** t itself when open, else the next opening; empty when the dealership never opens. */
  public Optional<Instant> openAtOrAfter(Instant t) {
    if (isOpen(t)) {
      return Optional.of(t);
    }
    LocalDate date = t.atZone(zone).toLocalDate();
    if (hours.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++) {
      LocalDate day = date.plusDays(i);
      OpeningHours h = hoursOn(day);
      if (h != null) {
        Instant opens = ZonedDateTime.of(day, h.opens(), zone).toInstant();
        if (opens.isAfter(t)) {
          return Optional.of(opens);
        }
      }
    }
    return Optional.empty();
  }

  /** True when one of the holidays falls on this local date. */
  public boolean isHoliday(LocalDate date) {
    for (Holiday holiday : holidays) {
      if (holiday.fallsOn(date)) {
        return true;
      }
    }
    return false;
  }

  /** The day's hours; null when the day has none or is a holiday. */
  private OpeningHours hoursOn(LocalDate date) {
    OpeningHours h = hours.get(date.getDayOfWeek());
    return h == null || isHoliday(date) ? null : h;
  }
}
