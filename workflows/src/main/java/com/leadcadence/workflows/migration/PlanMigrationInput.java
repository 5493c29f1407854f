package com.leadcadence.workflows.migration;

import com.leadcadence.workflows.model.CadencePlan;

/**
 * A plan migration: the dealership's running leads on planName at fromVersion, each moved to toPlan (or, a
 * dry run, asked what would happen). toPlan is the snapshot the API resolved when the migration was asked
 * for. afterLeadId and processed carry the position over continue-as-new (0 at a first start).
 */
public record PlanMigrationInput(
    long migrationId,
    long dealershipId,
    String planName,
    int fromVersion,
    CadencePlan toPlan,
    boolean dryRun,
    MigrationPace pace,
    long afterLeadId,
    long processed) {

  public PlanMigrationInput {
    pace = pace == null ? MigrationPace.DEFAULT : pace;
  }

  /** What the lead's history and timeline say asked for the switch. */
  public String cause() {
    return "migration " + migrationId + " (" + planName + " v" + fromVersion + " to v" + toPlan.version() + ")";
  }

  /** The same migration, resumed after lead afterLeadId. */
  public PlanMigrationInput resumedAfter(long afterLeadId, long processed) {
    return new PlanMigrationInput(migrationId, dealershipId, planName, fromVersion, toPlan, dryRun, pace,
        afterLeadId, processed);
  }
}
