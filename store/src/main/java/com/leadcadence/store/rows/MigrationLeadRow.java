package com.leadcadence.store.rows;

import java.time.Instant;

/** A cadence_migration_leads row: what a migration did (or, dry, would do) to one lead. */
public record MigrationLeadRow(
    long migrationId,
    long leadId,
    MigrationOutcome outcome,
    String position,
    String nextStepId,
    String reason,
    Instant recordedAt) {}
