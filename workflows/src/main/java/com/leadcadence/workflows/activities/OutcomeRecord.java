package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Outcome;
import java.time.Instant;

/**
 * key is unique per outcome: workflowId:update:updateId (the API's update id carries the caller's
 * Idempotency-Key), so a retried activity or a retried Update stores it once.
 */
public record OutcomeRecord(
    long leadId, String workflowId, String key, Outcome outcome, LeadStatus statusAfter, Instant at) {}
