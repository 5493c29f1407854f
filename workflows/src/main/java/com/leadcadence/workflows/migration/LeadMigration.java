package com.leadcadence.workflows.migration;

import com.leadcadence.workflows.model.CadencePlan;

/** One lead of a migration: switch it to plan (or, dryRun, ask what a switch would do) and record the result. */
public record LeadMigration(long migrationId, long leadId, CadencePlan plan, boolean dryRun, String cause) {}
