package com.leadcadence.activities.notify;

import java.time.Instant;

/** A call task was created for an agent (agentId null: unassigned, for whoever is on duty). */
public record CallTaskNotice(long taskId, long leadId, long dealershipId, Long agentId, Instant dueAt, String text) {}
