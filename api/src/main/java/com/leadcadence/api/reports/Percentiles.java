package com.leadcadence.api.reports;

/** Median and 90th percentile in seconds (nearest rank, see FunnelReportDao); null without data. */
public record Percentiles(Double median, Double p90) {
  static Percentiles ofMillis(Long medianMs, Long p90Ms) {
    return new Percentiles(seconds(medianMs), seconds(p90Ms));
  }

  static Double seconds(Long ms) {
    return ms == null ? null : ms / 1000.0;
  }
}
