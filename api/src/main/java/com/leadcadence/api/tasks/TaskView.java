package com.leadcadence.api.tasks;

import com.leadcadence.api.representations.TouchView;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import java.time.Instant;
import java.util.List;

/** A task with its lead's summary; touches (the lead's history) only on GET /v1/tasks/{id}. */
public record TaskView(
    long id,
    TaskKind kind,
    TaskStatus status,
    long leadId,
    Long agentId,
    Instant dueAt,
    Integer attempt,
    String script,
    String note,
    Instant createdAt,
    Instant overdueAt,
    Instant escalatedAt,
    Long escalatedTaskId,
    Instant completedAt,
    String outcome,
    LeadSummary lead,
    List<TouchView> touches) {

  static TaskView of(TaskRow t, LeadSummary lead, List<TouchView> touches) {
    return new TaskView(t.id(), t.kind(), t.status(), t.leadId(), t.agentId(), t.dueAt(), t.attempt(), t.script(),
        t.note(), t.createdAt(), t.overdueAt(), t.escalatedAt(), t.escalatedTaskId(), t.completedAt(), t.outcome(),
        lead, touches);
  }
}
