package com.leadcadence.workflows.migration;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through the leads by id (keyset: a switched lead leaves the version as the migration goes, so an
 * offset would skip leads), asks a batch of leads at once each tick (batch / leadsPerSecond seconds, a
 * workflow timer), refreshes the counts after each page, and continues as new after pagesPerRun pages.
 * A lead whose workflow does not answer after a few attempts is recorded FAILED and the migration goes on.
 */
public final class PlanMigrationWorkflowImpl implements PlanMigrationWorkflow {
  /** The database activities: retried until the database answers (a migration waits out an outage). */
  private final PlanMigrationActivities records = Workflow.newActivityStub(PlanMigrationActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
          .build());
  /** Asking one lead's workflow: a few attempts, then the lead is FAILED (one stuck lead must not stop the rest). */
  private final PlanMigrationActivities leads = Workflow.newActivityStub(PlanMigrationActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setMaximumInterval(Duration.ofSeconds(10))
              .setMaximumAttempts(5)
              .build())
          .build());

  private long migrationId;
  private long afterLeadId;
  private long processed;
  private boolean done;

  @Override
  public void run(PlanMigrationInput input) {
    migrationId = input.migrationId();
    afterLeadId = input.afterLeadId();
    processed = input.processed();
    MigrationPace pace = input.pace();
    for (int page = 0; page < pace.pagesPerRun(); page++) {
      List<Long> ids = records.nextLeads(new LeadPage(input.dealershipId(), input.planName(), input.fromVersion(),
          afterLeadId, pace.pageSize()));
      for (int from = 0; from < ids.size(); from += pace.batch()) {
        migrateBatch(input, ids.subList(from, Math.min(ids.size(), from + pace.batch())), pace);
      }
      records.refreshCounts(new MigrationRef(migrationId));
      if (ids.size() < pace.pageSize()) {
        records.finish(new MigrationRef(migrationId));
        done = true;
        return;
      }
    }
    Workflow.continueAsNew(input.resumedAfter(afterLeadId, processed));
  }

  @Override
  public MigrationProgress progress() {
    return new MigrationProgress(migrationId, afterLeadId, processed, done);
  }

  /** The batch's leads at once, then the rest of the tick (if any) on a timer. */
  private void migrateBatch(PlanMigrationInput input, List<Long> batch, MigrationPace pace) {
    long started = Workflow.currentTimeMillis();
    List<Promise<Void>> asked = new ArrayList<>();
    for (long leadId : batch) {
      asked.add(Async.procedure(() -> migrateLead(input, leadId)));
    }
    Promise.allOf(asked).get();
    afterLeadId = batch.get(batch.size() - 1);
    processed += batch.size();
    long rest = started + pace.batchMillis() - Workflow.currentTimeMillis();
    if (rest > 0) {
      Workflow.sleep(Duration.ofMillis(rest));
    }
  }

  private void migrateLead(PlanMigrationInput input, long leadId) {
    try {
      leads.migrateLead(new LeadMigration(migrationId, leadId, input.toPlan(), input.dryRun(), input.cause()));
    } catch (ActivityFailure e) {
      records.recordFailure(new LeadFailure(migrationId, leadId, rootMessage(e)));
    }
  }

  /** The last failure's own words (an ApplicationFailure's message without its type and flags). */
  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause instanceof ApplicationFailure failure ? failure.getOriginalMessage() : cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
