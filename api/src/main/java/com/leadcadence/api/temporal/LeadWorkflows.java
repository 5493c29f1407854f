package com.leadcadence.api.temporal;

import com.leadcadence.api.DaemonThreads;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadMemo;
import com.leadcadence.workflows.LeadSearchAttributes;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.Reassignment;
import com.leadcadence.workflows.model.Rescore;
import io.grpc.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The API's only door to the lead workflows: start (with the memo), query, update, signal, read the
 * history. Translates Temporal's exceptions into the two the resources care about: the cadence has
 * ended (409) or Temporal is not available right now (503).
 */
public final class LeadWorkflows {
  /** How long a signal that found no running workflow waits before asking once more. */
  private static final Duration BETWEEN_RUNS = Duration.ofMillis(300);
  /** How long a request thread waits on Temporal for one call (start, signal, an Update's answer). */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final String OUTCOME_UPDATE = "recordOutcome";
  private static final ScheduledExecutorService DEADLINES = DaemonThreads.scheduled("temporal-call-deadlines");

  private final WorkflowClient client;
  private final TemporalAvailability availability;
  /** {@code leadcadence_workflow_starts_total{result}}: started, already_started or unavailable. */
  public static final String STARTS = "leadcadence.workflow.starts";
  private final Duration callTimeout;
  private final MeterRegistry meters;

  public LeadWorkflows(WorkflowClient client, TemporalAvailability availability, Duration callTimeout,
      MeterRegistry meters) {
    this.client = client;
    this.availability = availability;
    this.callTimeout = callTimeout;
    this.meters = meters;
  }

  /** False while Temporal is known to be unreachable: a call would only wait and fail. */
  public boolean available() {
    return availability == null || availability.isAvailable();
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
  public void start(String workflowId, LeadCadenceInput input, String dealershipName) {
    startIfMissing(workflowId, input, dealershipName);
  }

  /**
   * As {@link #start}; true when this call started the workflow, false when one existed already. The
   * workflow gets its memo ({@link LeadMemo}: the lead's masked name, the vehicle, the dealership) here,
   * the one place lead workflows are started.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or refuses the start
   */
  public boolean startIfMissing(String workflowId, LeadCadenceInput input, String dealershipName) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.LEAD_CADENCE)
            // Never a second cadence for the same lead, not even after the first one closed.
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(searchAttributes(input))
            .setMemo(memo(input, dealershipName))
            .build();
    LeadCadenceWorkflow workflow = client.newWorkflowStub(LeadCadenceWorkflow.class, options);
    if (!available()) {
      countStart("unavailable");
    }
    requireAvailable("start the cadence workflow");
    try {
      withDeadline(() -> WorkflowClient.start(workflow::run, input));
      countStart("started");
      return true;
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      // the earlier attempt got through: nothing to do
      countStart("already_started");
      return false;
    } catch (RuntimeException e) {
      countStart("unavailable");
      throw unavailable("could not start the cadence workflow", e);
    }
  }

  private void countStart(String result) {
    meters.counter(STARTS, "result", result).increment();
  }

  /** Never throws: a failed query is reported in the reading (the row is still worth showing). */
  public StateReading state(String workflowId) {
    if (!available()) {
      return StateReading.failed("Temporal at " + availability.address() + " cannot be reached right now");
    }
    try {
      return StateReading.of(withDeadline(() -> stub(workflowId).state()));
    } catch (WorkflowNotFoundException e) {
      return StateReading.failed("the workflow " + workflowId + " was not found");
    } catch (RuntimeException e) {
      return StateReading.failed("the workflow state could not be read: " + rootMessage(e));
    }
  }

  /**
   * Applies an outcome through the workflow's Update and returns the state after it. updateId, when
   * given, is the Update's id: Temporal applies one Update per id and answers a repeated one with the
   * first one's result, so a retried request applies nothing twice. The wait is bounded: an Update
   * admitted but not completed in time (a worker or a database that does not answer) is an
   * {@link OutcomePendingException}; the same id later picks up its result.
   *
   * @throws CadenceEndedException when the validator rejects it or the workflow has closed
   * @throws CadenceUnavailableException when Temporal cannot be reached or does not answer in time
   */
  public LeadState recordOutcome(String workflowId, Outcome outcome, String updateId) {
    requireAvailable("record the outcome");
    long deadline = System.nanoTime() + callTimeout.toNanos();
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    UpdateOptions.Builder<LeadState> options = UpdateOptions.newBuilder(LeadState.class)
        .setUpdateName(OUTCOME_UPDATE)
        .setWaitForStage(WorkflowUpdateStage.ACCEPTED);
    if (updateId != null) {
      options.setUpdateId(updateId);
    }
    WorkflowUpdateHandle<LeadState> handle;
    try {
      handle = withDeadline(() -> stub.startUpdate(options.build(), outcome));
    } catch (WorkflowUpdateException e) {
      throw new CadenceEndedException(rejection(e));
    } catch (WorkflowNotFoundException e) {
      throw new WorkflowMissingException("the cadence has already ended");
    } catch (RuntimeException e) {
      if (isDeadline(e)) {
        throw new OutcomePendingException("the outcome was not accepted by the lead's workflow in time", e);
      }
      throw unavailable("could not record the outcome", e);
    }
    return awaitResult(handle, deadline);
  }

  /**
   * The result of an Update sent earlier under this id, if the workflow has one: empty when it never
   * received an Update with that id.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or the Update does not complete in time
   */
  public Optional<LeadState> earlierOutcome(String workflowId, String updateId) {
    requireAvailable("read the earlier outcome");
    long deadline = System.nanoTime() + callTimeout.toNanos();
    WorkflowUpdateHandle<LeadState> handle =
        client.newUntypedWorkflowStub(workflowId).getUpdateHandle(updateId, LeadState.class);
    try {
      return Optional.of(awaitResult(handle, deadline));
    } catch (CadenceEndedException e) {
      return Optional.empty();
    } catch (CadenceUnavailableException e) {
      if (isNotFound(e.getCause())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private LeadState awaitResult(WorkflowUpdateHandle<LeadState> handle, long deadlineNanos) {
    long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    try {
      return handle.getResult(remaining, TimeUnit.MILLISECONDS);
    } catch (WorkflowUpdateException e) {
      throw new CadenceEndedException(rejection(e));
    } catch (WorkflowNotFoundException e) {
      throw new WorkflowMissingException("the cadence has already ended");
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        throw new CadenceUnavailableException("no such update: " + rootMessage(e), e);
      }
      throw new OutcomePendingException("the lead's workflow has not completed the outcome in time: "
          + rootMessage(e), e);
    }
  }

  /** Sends the opt-out; a closed workflow needs none (its cadence is over), so that is not an error. */
  public void optOut(String workflowId, OptOutRequest request) {
    requireAvailable("signal the opt-out");
    try {
      withDeadline(() -> stub(workflowId).optOut(request));
    } catch (WorkflowNotFoundException e) {
      // already closed: nothing left to stop
    } catch (RuntimeException e) {
      throw unavailable("could not signal the opt-out", e);
    }
  }

  public void pause(String workflowId, PauseRequest request) {
    signal(workflowId, w -> w.pause(request), "pause");
  }

  public void resume(String workflowId, PauseRequest request) {
    signal(workflowId, w -> w.resume(request), "resume");
  }

  /** A new score from the CRM: the grade follows it, and with the grade the rest of the cadence. */
  public void rescore(String workflowId, Rescore rescore) {
    signal(workflowId, w -> w.rescore(rescore), "rescore");
  }

  /** The workflow's later call tasks go to the agent; a closed one needs nothing. */
  public void reassign(String workflowId, long agentId) {
    requireAvailable("signal the reassignment");
    try {
      withDeadline(() -> stub(workflowId).reassign(new Reassignment(agentId)));
    } catch (WorkflowNotFoundException e) {
      // already closed: nothing left to assign
    } catch (RuntimeException e) {
      throw unavailable("could not signal the reassignment", e);
    }
  }

  /**
   * Tells the cadence the lead showed interest (e.g. inquired again); a closed workflow needs nothing.
   * The workflow counts a RE_INQUIRY once per detail, so sending one again is harmless.
   */
  public void engagement(String workflowId, EngagementEvent event) {
    requireAvailable("signal the engagement");
    try {
      withDeadline(() -> stub(workflowId).engagement(event));
    } catch (WorkflowNotFoundException e) {
      // already closed: its score no longer matters
    } catch (RuntimeException e) {
      throw unavailable("could not signal the engagement", e);
    }
  }

  /**
   * The id of the lead workflow's latest run (the one its id reaches), or empty when Temporal has no
   * workflow under that id.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or does not answer in time
   */
  public Optional<String> latestRunId(String workflowId) {
    requireAvailable("read the workflow's history");
    DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build();
    try {
      return Optional.of(withDeadline(() -> client.getWorkflowServiceStubs().blockingStub()
          .describeWorkflowExecution(request)).getWorkflowExecutionInfo().getExecution().getRunId());
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw unavailable("could not read the workflow's history", e);
    }
  }

  /**
   * One page of one run's history (GetWorkflowExecutionHistory). pageToken: empty for the first page,
   * else the previous answer's. A server may answer with more events than pageSize (the SDK's test
   * server answers with all of them): callers cut.
   *
   * @throws CadenceUnavailableException when Temporal cannot be reached or does not answer in time
   */
  public GetWorkflowExecutionHistoryResponse historyPage(String workflowId, String runId, ByteString pageToken,
      int pageSize) {
    requireAvailable("read the workflow's history");
    GetWorkflowExecutionHistoryRequest request = GetWorkflowExecutionHistoryRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
        .setMaximumPageSize(pageSize)
        .setNextPageToken(pageToken)
        .build();
    try {
      return withDeadline(() -> client.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(request));
    } catch (RuntimeException e) {
      throw unavailable("could not read the workflow's history", e);
    }
  }

  /**
   * Signals the lead's current run. "Not found" is asked once more after a moment: the embedded server (the
   * SDK's test server) can be between two runs of a workflow that continues as new, where a real server hands
   * the signal to the new run; a closed cadence answers "not found" both times.
   */
  private void signal(String workflowId, Consumer<LeadCadenceWorkflow> send, String what) {
    requireAvailable("signal " + what);
    for (int attempt = 1; ; attempt++) {
      try {
        withDeadline(() -> send.accept(stub(workflowId)));
        return;
      } catch (WorkflowNotFoundException e) {
        if (attempt == 2 || !pauseBetweenRuns()) {
          throw new WorkflowMissingException("the cadence has already ended; nothing to " + what);
        }
      } catch (RuntimeException e) {
        throw unavailable("could not signal " + what, e);
      }
    }
  }

  /** False when the request thread was interrupted (then the cadence counts as ended, as before). */
  private static boolean pauseBetweenRuns() {
    try {
      Thread.sleep(BETWEEN_RUNS.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void requireAvailable(String what) {
    if (!available()) {
      throw new CadenceUnavailableException("cannot " + what + ": Temporal at " + availability.address()
          + " cannot be reached right now", null);
    }
  }

  /** Wraps the failure; a connection failure also tells the availability probe at once. */
  private CadenceUnavailableException unavailable(String what, RuntimeException e) {
    if (availability != null && statusCode(e) == Status.Code.UNAVAILABLE) {
      availability.reportUnreachable(rootMessage(e));
    }
    return new CadenceUnavailableException(what + ": " + rootMessage(e), e);
  }

  /** Every gRPC call made inside, retries included, ends by the call timeout (gRPC's context deadline). */
  private <T> T withDeadline(Callable<T> call) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    try {
      return context.call(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      context.cancel(null);
    }
  }

  private void withDeadline(Runnable call) {
    withDeadline(() -> {
      call.run();
      return null;
    });
  }

  private static Status.Code statusCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
  }

  private static boolean isDeadline(Throwable e) {
    return statusCode(e) == Status.Code.DEADLINE_EXCEEDED;
  }

  private static boolean isNotFound(Throwable e) {
    return e != null && statusCode(e) == Status.Code.NOT_FOUND;
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
        .set(LeadSearchAttributes.LEAD_SCORE, (long) input.score())
        .set(LeadSearchAttributes.LEAD_STEP, LeadSearchAttributes.firstStep(input.plan()))
        .set(LeadSearchAttributes.LEAD_STEP_DUE_AT, input.receivedAt().atOffset(ZoneOffset.UTC))
        .build();
  }

  /** Masked as in the logs: the UI is read by engineers, who need to tell leads apart, not reach them. */
  private static Map<String, Object> memo(LeadCadenceInput input, String dealershipName) {
    LeadContact contact = input.contact();
    return LeadMemo.of(Masking.name(contact.firstName(), contact.lastName()),
        input.vehicle() == null ? null : input.vehicle().describe(), dealershipName, input.dealershipId());
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
