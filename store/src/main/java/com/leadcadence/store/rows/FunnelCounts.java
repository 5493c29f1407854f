package com.leadcadence.store.rows;

/**
 * One row of the funnel report as SQL counts it: a group (groupKey, null for leads without a value) or
 * the total (total true, groupKey null). Times in milliseconds from receipt, percentiles by nearest
 * rank; every other figure a count of leads or of touches, so that rates are one division away.
 */
public record FunnelCounts(
    boolean total,
    String groupKey,
    long leads,
    Long responseMedianMs,
    Long responseP90Ms,
    Long contactMedianMs,
    Long contactP90Ms,
    long attemptedWithin5Min,
    long contacted,
    long appointments,
    long sold,
    long attempts,
    long emailsSent,
    long emailsEngaged,
    long textsSent,
    long textsReplied,
    long callTasks,
    long callsAnswered,
    long voicemailsSent,
    long voicemailCallbacks,
    long messagesFailed,
    long optedOut) {

  /** The total of a period without leads (SQL's GROUP BY gives no row for it). */
  public static FunnelCounts emptyTotal() {
    return new FunnelCounts(true, null, 0, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
