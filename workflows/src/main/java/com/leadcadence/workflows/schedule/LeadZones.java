package com.leadcadence.workflows.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead's time zone as intake knows it: one IANA id, or several separated by commas when only a
 * range is known (e.g. a US number without an area-code lookup: "America/New_York,America/Los_Angeles").
 * The first zone anchors "day N at 10:00"; quiet hours must hold in every one.
 */
public final class LeadZones {
  /** The continental US and Canada lie between these two: a time fine in both is fine in all. */
  public static final String NORTH_AMERICA_CONTINENTAL = "America/New_York,America/Los_Angeles";

  private LeadZones() {}

  public static List<ZoneId> parse(String zones, ZoneId fallback) {
    List<ZoneId> result = new ArrayList<>();
    if (zones != null) {
      for (String zone : zones.split(",")) {
        if (!zone.isBlank()) {
          result.add(ZoneId.of(zone.trim()));
        }
      }
    }
    if (result.isEmpty()) {
      result.add(fallback);
    }
    return List.copyOf(result);
  }
}
