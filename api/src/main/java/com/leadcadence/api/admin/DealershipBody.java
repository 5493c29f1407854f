package com.leadcadence.api.admin;

import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.workflows.schedule.HolidayFormat;
import java.util.Arrays;
import java.util.List;

/**
 * A dealership as the operator posts or patches it (HTTP body or CLI options). On create name,
 * timezone, businessHours and senderEmail are required; on PATCH every field is optional and only those
 * given change; an empty string clears senderPhone, messagingServiceSid and inboundEmail (senderName: back
 * to the name), an empty list clears holidays. businessHours: {@code "MON-FRI 09:00-20:00; SAT 10:00-16:00"}; holidays: rules such as
 * {@code "2026-12-24"}, {@code "12-25"}, {@code "last MON of MAY"}.
 */
public record DealershipBody(
    String name,
    String timezone,
    String businessHours,
    List<String> holidays,
    String senderName,
    String senderEmail,
    String senderPhone,
    String messagingServiceSid,
    Boolean webFormCapturesConsent,
    List<String> firstPartySources,
    String inboundEmail) {

  /** Every field of a stored dealership, as a body a patch is laid over. */
  static DealershipBody of(DealershipRow row) {
    return new DealershipBody(row.name(), row.timeZone(), row.businessHours(),
        HolidayFormat.texts(HolidayFormat.parse(row.holidays())), row.senderName(), row.senderEmail(),
        row.senderPhone(), row.messagingServiceSid(), row.webFormCapturesConsent(),
        sources(row.firstPartySources()), row.inboundEmail());
  }

  /** This body with every field the patch gives replaced by the patch's. */
  DealershipBody patchedWith(DealershipBody p) {
    return new DealershipBody(
        p.name != null ? p.name : name,
        p.timezone != null ? p.timezone : timezone,
        p.businessHours != null ? p.businessHours : businessHours,
        p.holidays != null ? p.holidays : holidays,
        p.senderName != null ? p.senderName : senderName,
        p.senderEmail != null ? p.senderEmail : senderEmail,
        p.senderPhone != null ? p.senderPhone : senderPhone,
        p.messagingServiceSid != null ? p.messagingServiceSid : messagingServiceSid,
        p.webFormCapturesConsent != null ? p.webFormCapturesConsent : webFormCapturesConsent,
        p.firstPartySources != null ? p.firstPartySources : firstPartySources,
        p.inboundEmail != null ? p.inboundEmail : inboundEmail);
  }

  /** The stored comma-separated sources in their order. */
  static List<String> sources(String stored) {
    return Arrays.stream(stored == null ? new String[0] : stored.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
