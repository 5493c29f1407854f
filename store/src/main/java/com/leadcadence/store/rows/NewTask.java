package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * An OPEN task to insert. touchId (nullable) ties a call task to its step: at most one task per touch.
 */
public record NewTask(
    long dealershipId,
    long leadId,
    Long agentId,
    Long touchId,
    TaskKind kind,
    Integer attempt,
    String script,
    String note,
    Instant dueAt,
    Instant createdAt,
    Long escalatedTaskId) {

  /** A cadence call step's task. */
  public static NewTask call(long dealershipId, long leadId, Long agentId, long touchId, int attempt, String script,
      Instant dueAt, Instant createdAt) {
    return new NewTask(dealershipId, leadId, agentId, touchId, TaskKind.CALL, attempt, script, null, dueAt,
        createdAt, null);
  }

  /** Work due at once, with a note for the agent (a reply to answer, a lead to call back). */
  public static NewTask now(long dealershipId, long leadId, Long agentId, TaskKind kind, String note, Instant now) {
    return new NewTask(dealershipId, leadId, agentId, null, kind, null, null, note, now, now, null);
  }

  /** A manager's task about another task that slipped. */
  public static NewTask escalation(TaskRow slipped, long managerId, String note, Instant now) {
    return new NewTask(slipped.dealershipId(), slipped.leadId(), managerId, null, TaskKind.ESCALATION, null, null,
        note, now, now, slipped.id());
  }
}
