package com.leadcadence.workflows.activities;

/**
 * escalated: this request escalated the task (also when it is a retry of the request that did).
 * newAgentId: the task's agent after the escalation (the same agent when nobody else could take it),
 * null when not escalated. managersTold: how many managers got an ESCALATION task.
 */
public record EscalationResult(boolean escalated, Long newAgentId, int managersTold) {

  public static EscalationResult notEscalated() {
    return new EscalationResult(false, null, 0);
  }
}
