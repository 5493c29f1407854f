package com.leadcadence.workflows.activities;

import java.time.Instant;

/** A hot lead uncontacted for too long. */
public record ManagerAlert(long leadId, long dealershipId, String workflowId, String reason, Instant at) {}
