package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.model.LeadStatus;
import java.time.Instant;

/** A lead's new status at a workflow time. */
public record StatusChange(long leadId, LeadStatus status, Instant at) {}
