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

  /** These counts as the total row. */
  public FunnelCounts asTotal() {
    return new FunnelCounts(true, null, leads, responseMedianMs, responseP90Ms, contactMedianMs, contactP90Ms,
        attemptedWithin5Min, contacted, appointments, sold, attempts, emailsSent, emailsEngaged, textsSent,
        textsReplied, callTasks, callsAnswered, voicemailsSent, voicemailCallbacks, messagesFailed, optedOut);
  }
}
