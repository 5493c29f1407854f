package com.leadcadence.api.temporal;

import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadSearchAttributes;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.Reassignment;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Consumer;

/**
 * The API's only door to the lead workflows: start, query, update, signal. Translates Temporal's
 * exceptions into the two the resources care about: the cadence has ended (409) or Temporal is not
 * available right now (503).
 */
public final class LeadWorkflows {
  private final WorkflowClient client;

  public LeadWorkflows(WorkflowClient client) {
    this.client = client;
  }

  /** What a state query gave: the state, or why there is none (the lead view shows either). */
  public record StateReading(LeadState state, String error) {
    static StateReading of(LeadState state) {
      return new StateReading(state, null);
    }

    static StateReading failed(String error) {
      return new StateReading(null, error);
    }
  }

  /**
   * Starts the lead's workflow under the given id. A workflow already running or closed under that id
   * counts as started: the id is the lead's, so it can only be this lead's cadence (retried intake).
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or refuses the start
   */
  public void start(String workflowId, LeadCadenceInput input) {
    startIfMissing(workflowId, input);
  }

  /**
   * As {@link #start}; true when this call started the workflow, false when one existed already.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or refuses the start
   */
  public boolean startIfMissing(String workflowId, LeadCadenceInput input) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.LEAD_CADENCE)
            // Never a second cadence for the same lead, not even after the first one closed.
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(searchAttributes(input))
            .build();
    LeadCadenceWorkflow workflow = client.newWorkflowStub(LeadCadenceWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::run, input);
      return true;
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      // the earlier attempt got through: nothing to do
      return false;
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not start the cadence workflow: " + rootMessage(e), e);
    }
  }

  /** Never throws: a failed query is reported in the reading (the row is still worth showing). */
  public StateReading state(String workflowId) {
    try {
      return StateReading.of(stub(workflowId).state());
    } catch (WorkflowNotFoundException e) {
      return StateReading.failed("the workflow " + workflowId + " was not found");
    } catch (RuntimeException e) {
      return StateReading.failed("the workflow state could not be read: " + rootMessage(e));
    }
  }

  /**
   * Applies an outcome through the workflow's Update and returns the state after it.
   *
   * @throws CadenceEndedException when the validator rejects it or the workflow has closed
   * @throws CadenceUnavailableException when Temporal cannot be reached
   */
  public LeadState recordOutcome(String workflowId, Outcome outcome) {
    try {
      return stub(workflowId).recordOutcome(outcome);
    } catch (WorkflowUpdateException e) {
      throw new CadenceEndedException(rejection(e));
    } catch (WorkflowNotFoundException e) {
      throw new CadenceEndedException("the cadence has already ended");
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not record the outcome: " + rootMessage(e), e);
    }
  }

  /** Sends the opt-out; a closed workflow needs none (its cadence is over), so that is not an error. */
  public void optOut(String workflowId, OptOutRequest request) {
    try {
      stub(workflowId).optOut(request);
    } catch (WorkflowNotFoundException e) {
      // already closed: nothing left to stop
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not signal the opt-out: " + rootMessage(e), e);
    }
  }

  public void pause(String workflowId, PauseRequest request) {
    signal(workflowId, w -> w.pause(request), "pause");
  }

  public void resume(String workflowId, PauseRequest request) {
    signal(workflowId, w -> w.resume(request), "resume");
  }

  /** The workflow's later call tasks go to the agent; a closed one needs nothing. */
  public void reassign(String workflowId, long agentId) {
    try {
      stub(workflowId).reassign(new Reassignment(agentId));
    } catch (WorkflowNotFoundException e) {
      // already closed: nothing left to assign
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not signal the reassignment: " + rootMessage(e), e);
    }
  }

  private void signal(String workflowId, Consumer<LeadCadenceWorkflow> send, String what) {
    try {
      send.accept(stub(workflowId));
    } catch (WorkflowNotFoundException e) {
      throw new CadenceEndedException("the cadence has already ended; nothing to " + what);
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not signal " + what + ": " + rootMessage(e), e);
    }
  }

  private LeadCadenceWorkflow stub(String workflowId) {
    return client.newWorkflowStub(LeadCadenceWorkflow.class, workflowId);
  }

  private static SearchAttributes searchAttributes(LeadCadenceInput input) {
    return SearchAttributes.newBuilder()
        .set(LeadSearchAttributes.DEALER_ID, String.valueOf(input.dealershipId()))
        .set(LeadSearchAttributes.LEAD_SOURCE, input.source())
        .set(LeadSearchAttributes.LEAD_GRADE, input.grade().name())
        .set(LeadSearchAttributes.LEAD_STATUS, LeadStatus.ACTIVE.name())
        .set(LeadSearchAttributes.ASSIGNED_AGENT,
            input.assignedAgentId() == null ? "unassigned" : String.valueOf(input.assignedAgentId()))
        .build();
  }

  /** The validator's own words ("the cadence has already ended with status CONTACTED"). */
  private static String rejection(WorkflowUpdateException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    return rootMessage(e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof WorkflowException && root.getMessage() == null) {
      return root.getClass().getSimpleName();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
