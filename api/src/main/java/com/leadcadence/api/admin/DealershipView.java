package com.leadcadence.api.admin;

import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.workflows.schedule.HolidayFormat;
import java.time.Instant;
import java.util.List;

/** A dealership as the admin API answers it (never a key). */
public record DealershipView(
    long id,
    String name,
    String timezone,
    String businessHours,
    List<String> holidays,
    String senderName,
    String senderEmail,
    String senderPhone,
    String messagingServiceSid,
    boolean webFormCapturesConsent,
    List<String> firstPartySources,
    String inboundEmail,
    Instant createdAt) {

  static DealershipView of(DealershipRow row) {
    return new DealershipView(row.id(), row.name(), row.timeZone(), row.businessHours(),
        HolidayFormat.texts(HolidayFormat.parse(row.holidays())), row.senderName(), row.senderEmail(),
        row.senderPhone(), row.messagingServiceSid(), row.webFormCapturesConsent(),
        DealershipBody.sources(row.firstPartySources()), row.inboundEmail(), row.createdAt());
  }
}
