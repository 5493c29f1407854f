package com.leadcadence.api.representations;

import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;

/** The answer to an intake: 201 for a new lead, 200 for a duplicate of one already running. */
public record LeadCreated(long id, String workflowId, LeadStatus status, Grade grade, int score) {}
