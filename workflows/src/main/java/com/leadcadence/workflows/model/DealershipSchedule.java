package com.leadcadence.workflows.model;

import java.util.List;

/** The dealership's time zone and the days and hours its agents work (days not listed are closed). */
public record DealershipSchedule(String timeZone, List<OpeningHours> openingHours) {
  public DealershipSchedule {
    openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
  }
}
