package com.leadcadence.store.rows;

import java.time.Instant;

/** A tasks row: work for a human agent. */
public record TaskRow(
    long id,
    long leadId,
    Long agentId,
    Long touchId,
    TaskKind kind,
    TaskStatus status,
    Instant dueAt,
    Instant createdAt,
    Instant completedAt,
    String outcome,
    String note) {}
