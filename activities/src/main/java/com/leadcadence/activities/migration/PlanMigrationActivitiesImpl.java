package com.leadcadence.activities.migration;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.store.dao.CadenceMigrationDao;
import com.leadcadence.store.rows.MigrationOutcome;
import com.leadcadence.store.rows.MigrationStatus;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.migration.LeadFailure;
import com.leadcadence.workflows.migration.LeadMigration;
import com.leadcadence.workflows.migration.LeadPage;
import com.leadcadence.workflows.migration.MigrationRef;
import com.leadcadence.workflows.migration.PlanMigrationActivities;
import com.leadcadence.workflows.model.PlanSwitch;
import com.leadcadence.workflows.model.PlanSwitchResult;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryRejectedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan migration's activities: the pages of leads and the results in the database, and each lead moved
 * through its own workflow (the one place a migration talks to a lead's workflow). Every method is safe to
 * repeat: the Update's id is the migration's, so Temporal applies one switch per lead and migration, and the
 * result rows are upserted per (migration, lead).
 */
public final class PlanMigrationActivitiesImpl implements PlanMigrationActivities {
  static final String SWITCH_UPDATE = "switchPlan";
  private static final int REASON_LENGTH = 500;
  private static final Logger log = LoggerFactory.getLogger(PlanMigrationActivitiesImpl.class);

  private final CadenceMigrationDao migrations;
  private final WorkflowClient client;
  private final Clock clock;

  public PlanMigrationActivitiesImpl(CadenceMigrationDao migrations, WorkflowClient client, Clock clock) {
    this.migrations = migrations;
    this.client = client;
    this.clock = clock;
  }

  @Override
  public List<Long> nextLeads(LeadPage page) {
    return migrations.runningLeadIds(page.dealershipId(), page.planName(), page.version(), page.afterLeadId(),
        page.limit());
  }

  @Override
  public void migrateLead(LeadMigration lead) {
    String workflowId = WorkflowIds.forLead(lead.leadId());
    try (LeadMdc ignored = LeadMdc.put(lead.leadId(), workflowId)) {
      PlanSwitchResult result;
      try {
        result = lead.dryRun() ? preview(workflowId, lead) : switchPlan(workflowId, lead);
      } catch (WorkflowNotFoundException | WorkflowQueryRejectedException e) {
        record(lead, MigrationOutcome.NOT_RUNNING, null, null,
            "no running workflow: its cadence has ended (or never started)");
        return;
      } catch (WorkflowUpdateException e) {
        record(lead, MigrationOutcome.FAILED, null, null, "its workflow refused the switch: " + rejection(e));
        return;
      }
      record(lead, MigrationOutcome.valueOf(result.outcome().name()), result.position(), result.nextStepId(),
          result.reason());
      log.info("migration {}: lead {} {}{}", lead.migrationId(), lead.leadId(), result.outcome(),
          lead.dryRun() ? " (dry run)" : "");
    }
  }

  private PlanSwitchResult preview(String workflowId, LeadMigration lead) {
    return client.newWorkflowStub(LeadCadenceWorkflow.class, workflowId).previewPlanSwitch(lead.plan());
  }

  /** One Update per migration and lead: a retried attempt gets the first one's result from Temporal. */
  private PlanSwitchResult switchPlan(String workflowId, LeadMigration lead) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    return stub.startUpdate(UpdateOptions.newBuilder(PlanSwitchResult.class)
            .setUpdateName(SWITCH_UPDATE)
            .setUpdateId("migration-" + lead.migrationId())
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(), new PlanSwitch(lead.plan(), lead.cause()))
        .getResult();
  }

  @Override
  public void recordFailure(LeadFailure failure) {
    migrations.recordLead(failure.migrationId(), failure.leadId(), MigrationOutcome.FAILED, null, null,
        truncate(failure.reason()), clock.instant());
    log.warn("migration {}: lead {} FAILED: {}", failure.migrationId(), failure.leadId(), failure.reason());
  }

  @Override
  public void refreshCounts(MigrationRef migration) {
    migrations.refreshCounts(migration.migrationId());
  }

  @Override
  public void finish(MigrationRef migration) {
    migrations.refreshCounts(migration.migrationId());
    if (migrations.finish(migration.migrationId(), MigrationStatus.DONE, null,
        clock.instant()) > 0) {
      migrations.findById(migration.migrationId()).ifPresent(m -> log.info(
          "migration {} ({} v{} to v{}{}) DONE: {} switched, {} no counterpart, {} already, {} not running, {} failed",
          m.id(), m.planName(), m.fromVersion(), m.toVersion(), m.dryRun() ? ", dry run" : "", m.switched(),
          m.noCounterpart(), m.already(), m.notRunning(), m.failed()));
    }
  }

  private void record(LeadMigration lead, MigrationOutcome outcome, String position, String nextStepId,
      String reason) {
    migrations.recordLead(lead.migrationId(), lead.leadId(), outcome, position, nextStepId, truncate(reason),
        clock.instant());
  }

  /** The validator's own words. */
  private static String rejection(WorkflowUpdateException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    return e.getMessage();
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
  }
}
