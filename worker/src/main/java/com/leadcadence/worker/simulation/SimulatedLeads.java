package com.leadcadence.worker.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The population every plan of one run meets: the same leads, arriving at the same instants (any hour,
 * nights and weekends included, so after-hours handling and the quiet hours are exercised), spread over
 * zones that span the continent, Arizona (no DST) and Hawaii.
 */
public final class SimulatedLeads {
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("America/New_York"), ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
      ZoneId.of("America/Chicago"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"),
      ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Los_Angeles"),
      ZoneId.of("Pacific/Honolulu"));
  private static final List<String> SOURCES = List.of("website", "website", "autotrader", "cars.com", "facebook");

  private SimulatedLeads() {}

  /** count leads arriving uniformly over arrivalSpan from start, ordered by arrival. */
  public static List<SimulatedLead> generate(int count, Instant start, Duration arrivalSpan, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SimulatedLead> leads = new ArrayList<>(count);
    long spanSeconds = Math.max(1, arrivalSpan.toSeconds());
    for (int i = 1; i <= count; i++) {
      Instant at = start.plusSeconds(random.nextLong(spanSeconds));
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      String source = SOURCES.get(random.nextInt(SOURCES.size()));
      int score = 20 + random.nextInt(80);
      boolean hasPhone = random.nextDouble() < 0.92;
      boolean hasEmail = !hasPhone || random.nextDouble() < 0.9;
      boolean smsConsent = hasPhone && random.nextDouble() < 0.8;
      leads.add(new SimulatedLead(i, at, zone, source, score, hasEmail, hasPhone, smsConsent));
    }
    leads.sort(Comparator.comparing(SimulatedLead::receivedAt).thenComparingLong(SimulatedLead::id));
    return List.copyOf(leads);
  }
}
