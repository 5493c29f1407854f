package com.leadcadence.api.timeline;

import java.time.Instant;

/**
 * One thing that happened to a lead. kind: lead.created, touch, outcome, task.created, task.overdue,
 * task.escalated, task.done, task.cancelled, opt-out, score, grade, paused, resumed. cause: who or what
 * did it (an agent by name, the CRM via its API key, the cadence, the lead by reply, a provider webhook).
 */
public record TimelineEntry(Instant time, String kind, String summary, String cause) {}
