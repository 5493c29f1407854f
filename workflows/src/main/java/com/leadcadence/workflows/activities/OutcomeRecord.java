package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Outcome;
import java.time.Instant;

/**
 * key is unique per outcome of a workflow run (workflowId:runId:outcome:n), so a retried activity stores
 * it once.
 */
public record OutcomeRecord(
    long leadId, String workflowId, String key, Outcome outcome, LeadStatus statusAfter, Instant at) {}
