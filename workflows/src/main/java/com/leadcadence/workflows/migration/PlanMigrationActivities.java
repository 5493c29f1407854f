package com.leadcadence.workflows.migration;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The database and lead-workflow side of a plan migration; every method is safe to repeat. Its activity
 * types are prefixed "Migration" (MigrationFinish, ...): they share the main queue's worker with the cadence's.
 */
@ActivityInterface(namePrefix = "Migration")
public interface PlanMigrationActivities {

  /** Ids of the next page of leads to migrate, ascending. */
  List<Long> nextLeads(LeadPage page);

  /**
   * Switches the lead (its workflow's switchPlan Update, whose id is the migration's, so a retry applies
   * nothing twice), or for a dry run asks previewPlanSwitch, and upserts the lead's result. A lead whose
   * workflow is gone is NOT_RUNNING; one whose workflow rejects the switch is FAILED. Throws (to be
   * retried) when the workflow does not answer.
   */
  void migrateLead(LeadMigration lead);

  /** Records the lead as FAILED after its retries ran out. */
  void recordFailure(LeadFailure failure);

  /** Recomputes the migration's counts from its per-lead results (progress for the GET). */
  void refreshCounts(MigrationRef migration);

  /** Final counts, status DONE. */
  void finish(MigrationRef migration);
}
