package com.leadcadence.workflows.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A task the lead's workflow watches: at dueAt an undone task becomes overdue, escalateAfter later it
 * moves to another agent and the managers hear of it. Durable because the workflow's timers are.
 */
public record TaskDeadline(long taskId, Instant dueAt, Duration escalateAfter) {

  public Instant escalateAt() {
    return dueAt.plus(escalateAfter);
  }
}
