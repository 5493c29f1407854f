package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import com.leadcadence.workflows.schedule.HolidayFormat;
import com.leadcadence.workflows.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A dealerships row. */
public record DealershipRow(
    long id,
    String name,
    String timeZone,
    String businessHours,
    String holidays,
    String senderName,
    String senderEmail,
    String senderPhone,
    String messagingServiceSid,
    boolean webFormCapturesConsent,
    String firstPartySources,
    String inboundEmail,
    int escalationMinutesA,
    int escalationMinutesB,
    int escalationMinutesC,
    Instant createdAt) {

  /** How long past its due time a grade's call task waits before it moves on and managers hear of it. */
  public Duration escalationDelay(Grade grade) {
    return Duration.ofMinutes(switch (grade) {
      case A -> escalationMinutesA;
      case B -> escalationMinutesB;
      case C, D -> escalationMinutesC;
    });
  }

  /** Hours and holidays as the workflow input carries them (holidays in their canonical form). */
  public DealershipSchedule schedule() {
    return new DealershipSchedule(timeZone, BusinessHoursFormat.parse(businessHours),
        HolidayFormat.texts(HolidayFormat.parse(holidays)));
  }

  /** The comma-separated first-party sources, trimmed and lower-cased. */
  public Set<String> firstPartySourceSet() {
    return Arrays.stream(firstPartySources.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
