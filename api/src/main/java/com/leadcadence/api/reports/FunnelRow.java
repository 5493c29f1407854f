package com.leadcadence.api.reports;

import com.leadcadence.store.rows.FunnelCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the funnel report: a group or the total. Rates are 0..1 and null when their denominator
 * is zero (README "Reports" defines each figure).
 */
public record FunnelRow(
    String key,
    String label,
    long leads,
    Percentiles firstResponseSeconds,
    Percentiles firstContactSeconds,
    Double attemptedWithin5MinRate,
    Double contactRate,
    Double appointmentRate,
    Double appointmentRateOfContacted,
    Double soldRate,
    Double attemptsPerLead,
    Map<String, Double> responseRateByChannel,
    Double optOutRate,
    Double bounceRate) {

  static final String TOTAL_KEY = "total";
  /** The key of leads without a value for the grouping (no agent, never attempted, no touch yet). */
  static final String NONE_KEY = "none";

  /** salesReported: whether the CRM reported any sale in the period; without one soldRate is null. */
  static FunnelRow of(String key, String label, FunnelCounts c, boolean salesReported) {
    Map<String, Double> byChannel = new LinkedHashMap<>();
    byChannel.put("EMAIL", rate(c.emailsEngaged(), c.emailsSent()));
    byChannel.put("SMS", rate(c.textsReplied(), c.textsSent()));
    byChannel.put("CALL", rate(c.callsAnswered(), c.callTasks()));
    byChannel.put("VOICEMAIL", rate(c.voicemailCallbacks(), c.voicemailsSent()));
    return new FunnelRow(key, label, c.leads(),
        Percentiles.ofMillis(c.responseMedianMs(), c.responseP90Ms()),
        Percentiles.ofMillis(c.contactMedianMs(), c.contactP90Ms()),
        rate(c.attemptedWithin5Min(), c.leads()),
        rate(c.contacted(), c.leads()),
        rate(c.appointments(), c.leads()),
        rate(c.appointments(), c.contacted()),
        salesReported ? rate(c.sold(), c.leads()) : null,
        rate(c.attempts(), c.leads()),
        byChannel,
        rate(c.optedOut(), c.leads()),
        rate(c.messagesFailed(), c.emailsSent() + c.textsSent()));
  }

  private static Double rate(long count, long of) {
    return of == 0 ? null : (double) count / of;
  }
}
