package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.model.Grade;
import java.time.Instant;

/**
 * The lead's score, grade and assigned agent as the workflow now sees them. cause: what last changed the
 * score ("lead engagement EMAIL_OPEN", "rescored"; null when nothing did, and in older histories).
 */
public record LeadProfileChange(long leadId, int score, Grade grade, Long assignedAgentId, Instant at, String cause) {}
