package com.leadcadence.workflows.migration;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Moves a dealership's running leads from one version of a plan to another (or, a dry run, asks each what
 * would happen), page by page, at a steady pace, each lead through its own workflow's switchPlan Update
 * (previewPlanSwitch query). Resumable: it continues as new with its position, and every step is idempotent.
 */
@WorkflowInterface
public interface PlanMigrationWorkflow {

  static String workflowId(long migrationId) {
    return "cadence-migration-" + migrationId;
  }

  @WorkflowMethod
  void run(PlanMigrationInput input);

  @QueryMethod
  MigrationProgress progress();
}
