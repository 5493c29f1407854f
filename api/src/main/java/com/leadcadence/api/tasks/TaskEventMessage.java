package com.leadcadence.api.tasks;

import com.leadcadence.store.rows.TaskEventRow;
import com.leadcadence.store.rows.TaskStatus;
import java.time.Instant;

/** The data of one stream event (its SSE id is eventId, its SSE name is type). */
public record TaskEventMessage(
    long eventId,
    String type,
    Long taskId,
    long leadId,
    Long agentId,
    Long previousAgentId,
    TaskStatus status,
    String detail,
    Instant at) {

  static TaskEventMessage of(TaskEventRow e) {
    return new TaskEventMessage(e.id(), e.type(), e.taskId(), e.leadId(), e.agentId(), e.previousAgentId(),
        e.taskStatus(), e.detail(), e.createdAt());
  }
}
