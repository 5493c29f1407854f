package com.leadcadence.api.cadences;

import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.temporal.TemporalAvailability;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.migration.PlanMigrationInput;
import com.leadcadence.workflows.migration.PlanMigrationWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The API's gateway to the plan migration workflows: start one, wait a little for a short one to end. */
public final class MigrationWorkflows {
  private final WorkflowClient client;
  private final TemporalAvailability availability;

  public MigrationWorkflows(WorkflowClient client, TemporalAvailability availability) {
    this.client = client;
    this.availability = availability;
  }

  /** @throws CadenceUnavailableException while Temporal is known to be unreachable */
  public void requireAvailable() {
    if (availability != null && !availability.isAvailable()) {
      throw new CadenceUnavailableException("cannot start the migration: Temporal at " + availability.address()
          + " cannot be reached right now", null);
    }
  }

  /**
   * Starts the migration's workflow; one already started under its id counts as started.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or refuses the start
   */
  public void start(PlanMigrationInput input) {
    requireAvailable();
    PlanMigrationWorkflow workflow = client.newWorkflowStub(PlanMigrationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(PlanMigrationWorkflow.workflowId(input.migrationId()))
        .setTaskQueue(TaskQueues.LEAD_CADENCE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(workflow::run, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // an earlier attempt got through
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not start the migration's workflow: " + e.getMessage(), e);
    }
  }

  /** True when the migration's workflow (through its continue-as-new runs) ended within wait. */
  public boolean awaitEnd(long migrationId, Duration wait) {
    try {
      client.newUntypedWorkflowStub(PlanMigrationWorkflow.workflowId(migrationId))
          .getResult(wait.toMillis(), TimeUnit.MILLISECONDS, Void.class);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (RuntimeException e) {
      return false; // the GET tells how it stands
    }
  }
}
