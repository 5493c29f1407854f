package com.leadcadence.workflows.model;

import java.util.List;

/**
 * The dealership's time zone, the days and hours its agents work (days not listed are closed) and its
 * holidays (whole days closed, as canonical rules of {@code schedule.HolidayFormat}). Holidays came after
 * release 0.1.0: histories recorded before carry none (null), which means none.
 */
public record DealershipSchedule(String timeZone, List<OpeningHours> openingHours, List<String> holidays) {
  public DealershipSchedule {
    openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  /** Without holidays. */
  public DealershipSchedule(String timeZone, List<OpeningHours> openingHours) {
    this(timeZone, openingHours, List.of());
  }
}
