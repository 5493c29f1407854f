package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
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
    String senderName,
    String senderEmail,
    String senderPhone,
    String messagingServiceSid,
    boolean webFormCapturesConsent,
    String firstPartySources,
    Instant createdAt) {

  public DealershipSchedule schedule() {
    return new DealershipSchedule(timeZone, BusinessHoursFormat.parse(businessHours));
  }

  /** The comma-separated first-party sources, trimmed and lower-cased. */
  public Set<String> firstPartySourceSet() {
    return Arrays.stream(firstPartySources.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
