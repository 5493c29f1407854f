package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * A tasks row: work for a human. attempt and script are set for CALL tasks; escalatedTaskId for an
 * ESCALATION task (the task that slipped).
 */
public record TaskRow(
    long id,
    long dealershipId,
    long leadId,
    Long agentId,
    Long touchId,
    TaskKind kind,
    Integer attempt,
    String script,
    TaskStatus status,
    Instant dueAt,
    Instant overdueAt,
    Instant escalatedAt,
    Long escalatedTaskId,
    Instant createdAt,
    Instant completedAt,
    String outcome,
    String note) {}
