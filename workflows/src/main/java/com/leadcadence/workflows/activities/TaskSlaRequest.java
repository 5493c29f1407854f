package com.leadcadence.workflows.activities;

import java.time.Instant;

/** One SLA step for a task; at is workflow time (the same on every retry), stamped on the task. */
public record TaskSlaRequest(long leadId, long dealershipId, String workflowId, long taskId, Instant at) {}
