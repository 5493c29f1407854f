package com.leadcadence.api.reports;

import com.leadcadence.store.rows.SpeedToLeadCounts;
import java.time.LocalDate;
import java.util.List;

/** GET /v1/reports/speed-to-lead: leads by the time from receipt to their first attempt. */
public record SpeedToLeadReport(
    LocalDate from,
    LocalDate to,
    String zone,
    long leads,
    List<Bucket> buckets,
    long notYetAttempted,
    Double medianSeconds,
    Double p90Seconds) {

  /** Leads first attempted after the previous bucket's bound and at most upToSeconds (null: no bound). */
  public record Bucket(String label, Long upToSeconds, long leads) {}

  static SpeedToLeadReport of(ReportPeriod period, SpeedToLeadCounts c) {
    List<Bucket> buckets = List.of(
        new Bucket("< 1 min", 60L, c.upTo1Min()),
        new Bucket("1-5 min", 300L, c.upTo5Min()),
        new Bucket("5-15 min", 900L, c.upTo15Min()),
        new Bucket("15-60 min", 3_600L, c.upTo1Hour()),
        new Bucket("1-24 h", 86_400L, c.upTo1Day()),
        new Bucket("> 24 h", null, c.beyond1Day()));
    return new SpeedToLeadReport(period.from(), period.to(), period.zone().getId(), c.leads(), buckets,
        c.notYetAttempted(), Percentiles.seconds(c.medianMs()), Percentiles.seconds(c.p90Ms()));
  }
}
