package com.leadcadence.workflows.migration;

/** A lead whose workflow could not be asked (no answer after the retries): recorded as FAILED with the reason. */
public record LeadFailure(long migrationId, long leadId, String reason) {}
