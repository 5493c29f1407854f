package com.leadcadence.store.rows;

import java.time.Instant;

/** An OPEN task to insert; touchId (nullable) ties a call task to its step, at most one task per touch. */
public record NewTask(long leadId, Long agentId, Long touchId, TaskKind kind, Instant dueAt, Instant createdAt) {}
