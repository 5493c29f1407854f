package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The touches, in memory: nothing is sent; instead the simulated lead answers as {@link LeadBehaviour}
 * says, through the same doors the product's webhooks and agents use (the engagement and opt-out signals,
 * the recordOutcome Update). A call step is a task an agent works at once: the lead picks up (CONTACTED or
 * APPOINTMENT_SET) or not (NO_ANSWER, which pulls the follow-up text forward as in production).
 *
 * <p>It also checks, independently of the workflow, the two rules a send must never break: a text, call or
 * drop outside 08:00-21:00 lead-local, and a text without consent or after a STOP. Each is counted (and
 * refused), so a plan or code change that breaks them shows in the figures.
 */
final class SimulatedTouches implements TouchActivities {
  private static final LocalTime QUIET_END = LocalTime.of(8, 0);
  private static final LocalTime QUIET_START = LocalTime.of(21, 0);

  private final Map<Long, SimulatedLead> leads;
  private final LeadBehaviour behaviour;
  private final Decisions decisions;
  private final SimulationLedger ledger;
  private final WorkflowClient client;
  private final AtomicLong touchIds = new AtomicLong();

  SimulatedTouches(Map<Long, SimulatedLead> leads, LeadBehaviour behaviour, Decisions decisions,
      SimulationLedger ledger, WorkflowClient client) {
    this.leads = leads;
    this.behaviour = behaviour;
    this.decisions = decisions;
    this.ledger = ledger;
    this.client = client;
  }

  @Override
  public TouchResult perform(TouchRequest request) {
    SimulatedLead lead = leads.get(request.leadId());
    Channel channel = request.channel();
    Instant at = request.performedAt();
    LocalTime local = at.atZone(lead.zone()).toLocalTime();
    long touchId = touchIds.incrementAndGet();
    if (channel != Channel.EMAIL && (local.isBefore(QUIET_END) || !local.isBefore(QUIET_START))) {
      ledger.quietHourRefusal(lead.id());
      return new TouchResult(touchId, TouchStatus.SKIPPED_QUIET_HOURS, "simulated: " + local + " lead-local");
    }
    boolean noConsent = channel == Channel.SMS && !lead.smsConsent();
    if (noConsent || ledger.lead(lead.id()).optedOutOf(channel)) {
      ledger.consentRefusal(lead.id());
      return new TouchResult(touchId, TouchStatus.SKIPPED_OPTED_OUT, "simulated: no consent for " + channel);
    }
    ledger.touched(lead.id(), channel, at);
    answer(lead, request, local);
    return channel == Channel.CALL
        ? new TouchResult(touchId, TouchStatus.TASK_CREATED, "simulated call task, worked at once")
        : new TouchResult(touchId, TouchStatus.SENT, "simulated");
  }

  private void answer(SimulatedLead lead, TouchRequest request, LocalTime local) {
    Channel channel = request.channel();
    String step = request.stepId();
    Duration age = Duration.between(lead.receivedAt(), request.performedAt());
    boolean responds =
        decisions.happens(behaviour.respond(channel, local, age, lead.source()), lead.id(), step, "respond");
    WorkflowStub workflow = client.newUntypedWorkflowStub(request.workflowId());
    if (channel == Channel.EMAIL && decisions.happens(behaviour.open(channel, local), lead.id(), step, "open")) {
      workflow.signal("engagement", new EngagementEvent(EngagementType.EMAIL_OPEN, step));
    }
    if (responds) {
      switch (channel) {
        case SMS -> workflow.signal("engagement", new EngagementEvent(EngagementType.SMS_REPLY, step));
        case EMAIL -> workflow.signal("engagement", new EngagementEvent(EngagementType.EMAIL_REPLY, step));
        default -> { }
      }
      boolean appointment = decisions.happens(behaviour.appointmentGivenContact(), lead.id(), "lead", "appointment");
      if (recordOutcome(workflow, request, appointment ? OutcomeType.APPOINTMENT_SET : OutcomeType.CONTACTED)) {
        ledger.contacted(lead.id(), request.performedAt(), appointment);
      }
    } else if (channel == Channel.CALL) {
      recordOutcome(workflow, request, OutcomeType.NO_ANSWER);
    } else if (decisions.happens(behaviour.optOut(channel), lead.id(), step, "opt-out")) {
      OptOutChannel what = channel == Channel.EMAIL ? OptOutChannel.EMAIL
          : channel == Channel.SMS ? OptOutChannel.SMS : OptOutChannel.CALL;
      ledger.optedOut(lead.id(), channel, request.performedAt());
      workflow.signal("optOut", new OptOutRequest(Set.of(what), "simulated"));
    }
  }

  /**
   * Waits only until the workflow accepts the outcome, not until it is applied: the workflow is waiting for
   * this very activity, and its handler may wait on the loop. False when the lead had already stopped.
   */
  private static boolean recordOutcome(WorkflowStub workflow, TouchRequest request, OutcomeType type) {
    UpdateOptions<LeadState> options = UpdateOptions.newBuilder(LeadState.class)
        .setUpdateName("recordOutcome")
        .setUpdateId("simulated-" + request.stepId() + "-" + type)
        .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
        .build();
    try {
      workflow.startUpdate(options, new Outcome(type, request.agentId(), "simulated"));
      return true;
    } catch (WorkflowUpdateException e) {
      return false;
    }
  }

  @Override
  public TouchResult recordFailure(UnsentTouch step) {
    ledger.failed(step.leadId());
    return new TouchResult(touchIds.incrementAndGet(), TouchStatus.FAILED, step.reason());
  }

  @Override
  public TouchResult recordSkippedStale(UnsentTouch step) {
    ledger.skippedStale(step.leadId());
    return new TouchResult(touchIds.incrementAndGet(), TouchStatus.SKIPPED_STALE, step.reason());
  }

  @Override
  public TouchResult recordCancelled(UnsentTouch step) {
    return new TouchResult(touchIds.incrementAndGet(), TouchStatus.CANCELLED, step.reason());
  }
}
