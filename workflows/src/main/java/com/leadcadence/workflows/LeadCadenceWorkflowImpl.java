package com.leadcadence.workflows;

import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import com.leadcadence.workflows.activities.LeadProfileChange;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.activities.OutcomeRecord;
import com.leadcadence.workflows.activities.PlanSwitchRecord;
import com.leadcadence.workflows.activities.StatusChange;
import com.leadcadence.workflows.activities.EscalationResult;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TaskSlaRequest;
import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.history.HistorySummaries;
import com.leadcadence.workflows.plan.StepTimings;
import com.leadcadence.workflows.model.CadenceContinuation;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.ChannelFailure;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptInRequest;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.PlanSwitch;
import com.leadcadence.workflows.model.PlanSwitchResult;
import com.leadcadence.workflows.model.Reassignment;
import com.leadcadence.workflows.model.Rescore;
import com.leadcadence.workflows.model.TaskDeadline;
import com.leadcadence.workflows.model.StepCondition;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.plan.PlanPosition;
import com.leadcadence.workflows.schedule.BusinessCalendar;
import com.leadcadence.workflows.schedule.CadenceClock;
import com.leadcadence.workflows.schedule.ContactWindow;
import com.leadcadence.workflows.schedule.LeadZones;
import com.leadcadence.workflows.schedule.SendTimeRules;
import com.leadcadence.workflows.scoring.LeadScorer;
import com.leadcadence.workflows.state.CatchUpState;
import com.leadcadence.workflows.state.LeadChannels;
import com.leadcadence.workflows.state.LeadResponses;
import com.leadcadence.workflows.state.PauseClock;
import com.leadcadence.workflows.state.PlanCursor;
import com.leadcadence.workflows.state.StepCounts;
import com.leadcadence.workflows.tasks.TaskDeadlines;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The cadence loop: find the next step, wait until it is due (or something happens), perform it,
 * repeat. Steps run in plan order, each no earlier than its planned time, the previous step, and the
 * channel's contact window. All state lives in fields so that queries and updates see it at once;
 * the row in MySQL is kept in step through {@link LeadRecordActivities}. A long history continues as
 * new with all of that state ({@link CadenceContinuation}).
 */
public class LeadCadenceWorkflowImpl implements LeadCadenceWorkflow {
  private static final Logger log = Workflow.getLogger(LeadCadenceWorkflowImpl.class);
  /**
   * Version 1: steps are decided again at the moment of sending ({@link SendTimeRules}: quiet hours,
   * staleness, one overdue step per channel, catch-up spacing), failed and stale steps are recorded,
   * and the row's status is written under one lock. Workflows started before it keep the old loop.
   */
  static final String SEND_TIME_RULES = "send-time-rules";
  /**
   * Version 1: the manager alert runs beside the loop ({@code Async.procedure}), so that a slow or
   * retrying alert (database down, notifier slow) never holds back the next step. Before it, the loop
   * waited for the alert; histories recorded then replay that way.
   */
  static final String ASYNC_MANAGER_ALERT = "async-manager-alert";
  /**
   * Version 1: each send runs on its channel's task queue ({@link TaskQueues#forStep}), where the worker
   * caps the sends per second, and is cancelled when the cadence ends (or its channel is blocked) before
   * the activity handed it to a provider. Before it, sends ran on the main queue and could not be
   * cancelled; histories recorded then replay that way.
   */
  static final String SENDS_BY_CHANNEL = "sends-by-channel";
  /**
   * Version 1: the run continues as new, carrying all its state, when Temporal suggests it (a long
   * history) or the input's continueAsNewAfterEvents is reached. Asked only once a continuation is due.
   */
  static final String CONTINUE_AS_NEW = "continue-as-new";
  /**
   * Version 1: a RE_INQUIRY engagement counts once per duplicate lead (its detail names it), so an
   * intake that signals again after an unclear answer never raises the score twice. Recorded histories
   * carry no RE_INQUIRY, so they never reach this branch; the version marks it all the same.
   */
  static final String RE_INQUIRY_ONCE = "re-inquiry-once";
  /**
   * Version 1: activities and timers carry summaries ({@link HistorySummaries}) for the Temporal UI, and a
   * timed wait is a summarised timer that is cancelled once its condition holds. Before it, waits used
   * {@code Workflow.await(Duration, ...)}, whose timer commands depend on an SDK flag of the recording
   * worker; histories recorded then replay that way.
   */
  static final String READABLE_HISTORY = "readable-history";
  /** LeadStep's value once every step has been decided: the lead waits for its plan's last day. */
  static final String PLAN_END_STEP = "plan-end";
  /** How long a send may still finish on its own once the cadence ended, before it is cancelled. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
  /** After the activity refused a late start, the step is planned again no sooner than this. */
  private static final Duration AFTER_REFUSAL = Duration.ofMinutes(5);

  /** Long enough for a provider call with retries, short enough to stay inside the contact window. */
  private static final ActivityOptions SEND_OPTIONS = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(ProviderTimeouts.SEND_START_TO_CLOSE)
      .setHeartbeatTimeout(ProviderTimeouts.SEND_HEARTBEAT)
      .setScheduleToCloseTimeout(ContactWindow.SEND_MARGIN)
      .setRetryOptions(RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build())
      .build();

  /** Bookkeeping must eventually succeed: retry until the database is back. */
  private static final ActivityOptions RECORD_OPTIONS = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(30))
      .setRetryOptions(RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(5))
          .build())
      .build();

  private final TouchActivities touches = Workflow.newActivityStub(TouchActivities.class, SEND_OPTIONS);
  /**
   * Version 1 of SENDS_BY_CHANNEL: per channel, its own task queue; a cancelled send is waited for, so
   * the workflow learns whether the provider took it before the cancellation reached the activity.
   */
  private final Map<Channel, TouchActivities> sendsByChannel = new EnumMap<>(Channel.class);
  /** Recording a failed or stale step is bookkeeping: retried until the database answers. */
  private final TouchActivities touchRecords = Workflow.newActivityStub(TouchActivities.class, RECORD_OPTIONS);
  private final LeadRecordActivities records =
      Workflow.newActivityStub(LeadRecordActivities.class, RECORD_OPTIONS);
  /** Database only, like the records: retried until it succeeds, however long the outage. */
  private final TaskActivities taskSla = Workflow.newActivityStub(TaskActivities.class, RECORD_OPTIONS);

  private final LeadCadenceInput input;
  /** The plan the lead runs now, its next step, and what a switch or a NO_ANSWER changed in it. */
  private final PlanCursor cursor;
  /** The grade the current plan was chosen for; a score in another grade moves the lead (gradePlans). */
  private Grade planGrade;
  /** A step's send or record is running: a plan switch waits for it (the loop then moves past it). */
  private boolean stepInFlight;
  private final ZoneId leadZone;
  private final CadenceClock clock;
  private final ContactWindow window;
  private final SendTimeRules rules;
  private final String workflowId;
  private Integer rulesVersion;

  private LeadStatus status = LeadStatus.ACTIVE;
  /** The status the lead's row last received; the loop persists any difference. */
  private LeadStatus recordedStatus = LeadStatus.ACTIVE;
  private int score;
  private Long agentId;
  /** The channels the cadence may still use, and why the others are closed. */
  private final LeadChannels channels;
  /** Outcomes reported, the lead's email replies and opens, counted re-inquiries. */
  private final LeadResponses responses = new LeadResponses();
  /** Score or agent changed since the row last heard of them. */
  private boolean profileChanged;

  /** How the lead's steps ended: performed (attempts among them), failed, stale, cancelled. */
  private final StepCounts counts = new StepCounts();
  private Instant nextDue;
  private Instant lastStepAt;

  private final PauseClock pauses = new PauseClock();

  private Instant managerAlertAt;
  /** The alert running beside the loop (version 1 of ASYNC_MANAGER_ALERT), until the cadence ends. */
  private Promise<Void> managerAlertSent;
  /** The agents' tasks whose due and escalation times this workflow keeps (its timers are the SLA clock). */
  private final TaskDeadlines taskDeadlines = new TaskDeadlines();
  private int escalations;
  private Long lastEscalatedTaskId;
  /** Bumped by every message that may change when the next step is due. */
  private int changes;

  // ---- send-time rules (version 1) ----
  /** The loop's and the Update's writes of the lead's row, one at a time. */
  private final WorkflowLock rowLock = Workflow.newWorkflowLock();
  /** What the send-time rules remember between steps: the on-time cursor, catch-ups, a refusal's back-off. */
  private final CatchUpState catchUp = new CatchUpState();
  /** Runs of this lead's workflow before this one (continue-as-new). */
  private int previousRuns;
  private Integer sendsVersion;
  /** Summaries for the Temporal UI and summarised waits (version 1 of READABLE_HISTORY). */
  private final ReadableHistory readable = new ReadableHistory();
  private final LeadSearchUpserts search = new LeadSearchUpserts(readable);
  private HistorySummaries summaries;
  /** What last changed the score, for the lead's change log (e.g. "lead engagement EMAIL_OPEN"). */
  private String profileCause;

  @WorkflowInit
  public LeadCadenceWorkflowImpl(LeadCadenceInput input) {
    this.input = input;
    this.cursor = new PlanCursor(input.plan());
    this.planGrade = input.grade();
    this.workflowId = Workflow.getInfo().getWorkflowId();
    this.score = input.score();
    this.agentId = input.assignedAgentId();
    BusinessCalendar business = new BusinessCalendar(input.schedule());
    List<ZoneId> leadZones = LeadZones.parse(input.contact().timeZone(), business.zone());
    this.leadZone = leadZones.get(0);
    this.clock = new CadenceClock(input.receivedAt(), business, leadZone);
    this.window = new ContactWindow(leadZones, business);
    this.rules = new SendTimeRules(window);
    this.channels = LeadChannels.forContact(input.blockedChannels(), input.contact().hasEmail(),
        input.contact().hasPhone());
    if (input.plan().managerAlertAfter() != null) {
      this.managerAlertAt = clock.start().plus(input.plan().managerAlertAfter());
    }
    for (Channel channel : Channel.values()) {
      sendsByChannel.put(channel, Workflow.newActivityStub(TouchActivities.class, channelSendOptions(channel)));
    }
    this.summaries = new HistorySummaries(input.plan().steps(), leadZone);
    if (input.continuation() != null) {
      takeOver(input.continuation());
    }
  }

  @Override
  public CadenceResult run(LeadCadenceInput ignored) {
    if (cursor.plan().steps().isEmpty()) {
      status = LeadStatus.NO_CADENCE;
    }
    boolean decideAtSendTime = rulesVersion() >= 1;
    while (!status.isTerminal()) {
      persistStatusChange();
      persistProfileChange();
      if (decideAtSendTime && followGradeChange()) {
        continue;
      }
      if (decideAtSendTime && continueAsNewDue()) {
        continueAsNewOnceSettled();
        continue;
      }
      if (pauses.isPaused()) {
        Workflow.await(() -> !pauses.isPaused() || status.isTerminal());
        continue;
      }
      if (actOnDueTasks()) {
        continue;
      }
      if (cursor.pastTheEnd()) {
        waitOutThePlan();
        continue;
      }
      if (decideAtSendTime) {
        decideAndPerform(cursor.nextIndex());
        continue;
      }
      int index = cursor.nextIndex();
      Optional<Instant> due = dueTime(index);
      if (due.isEmpty()) {
        log.warn("step {} ({}) has no allowed time; skipped", index, step(index).id());
        cursor.skipKeepingPull(index);
        continue;
      }
      nextDue = due.get();
      if (waitUntil(earliest(nextDue, pendingManagerAlert(), nextTaskDeadline()), waitSummary(index, nextDue))) {
        continue;
      }
      if (alertManagerIfDue()) {
        continue;
      }
      if (!now().isBefore(nextDue)) {
        performOrSkip(index);
      }
    }
    nextDue = null;
    if (decideAtSendTime) {
      // After every handler: a call task created while a closing outcome was recorded is closed too.
      Workflow.await(Workflow::isEveryHandlerFinished);
      persistProfileChange();
      writeFinalStatus();
      awaitManagerAlert();
      return new CadenceResult(status, counts.attempts(), counts.performed());
    }
    persistStatusChange();
    persistProfileChange();
    Workflow.await(Workflow::isEveryHandlerFinished);
    awaitManagerAlert();
    return new CadenceResult(status, counts.attempts(), counts.performed());
  }

  // ---- messages in ---------------------------------------------------------------------------

  @Override
  public void validateOutcome(Outcome outcome) {
    if (outcome == null || outcome.type() == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (status.isTerminal()) {
      throw new IllegalStateException("the cadence has already ended with status " + status);
    }
  }

  @Override
  public LeadState recordOutcome(Outcome outcome) {
    applyOutcome(outcome);
    String key = outcomeKey();
    if (rulesVersion() >= 1) {
      search.status(status);
      changes++;
      // One writer of the row at a time; what was written is what the loop compares with.
      rowLock.lock();
      try {
        LeadStatus writing = status;
        records(HistorySummaries.outcome(outcome.type(), writing))
            .recordOutcome(new OutcomeRecord(input.leadId(), workflowId, key, outcome, writing, now()));
        recordedStatus = writing;
      } finally {
        rowLock.unlock();
      }
      return state();
    }
    // Claimed before the activity runs: the loop must not persist the same status concurrently.
    recordedStatus = status;
    search.status(status);
    changes++;
    records(HistorySummaries.outcome(outcome.type(), status))
        .recordOutcome(new OutcomeRecord(input.leadId(), workflowId, key, outcome, status, now()));
    return state();
  }

  /**
   * The Update's id (the API passes the CRM's Idempotency-Key in it; it is in history, so replay gives
   * the same key): one stored outcome per Update, even when a retried Update reaches a newer run of
   * the lead's workflow. Without Update info (never, from the Update handler) the old per-run count.
   */
  private String outcomeKey() {
    return Workflow.getCurrentUpdateInfo()
        .map(update -> workflowId + ":update:" + update.getUpdateId())
        // The run id keeps keys apart when a lost workflow is started again for the same lead.
        .orElseGet(() -> workflowId + ":" + Workflow.getInfo().getRunId() + ":outcome:" + responses.outcomeCount());
  }

  @Override
  public void optOut(OptOutRequest request) {
    if (status.isTerminal()) {
      return;
    }
    for (OptOutChannel channel : request.channels()) {
      channels.optOut(channel.blockedChannels());
    }
    if (request.channels().contains(OptOutChannel.ALL) || channels.allBlocked()) {
      endWith(LeadStatus.OPTED_OUT);
    }
    changes++;
  }

  @Override
  public void optIn(OptInRequest request) {
    for (OptOutChannel channel : request.channels()) {
      channels.optIn(channel.blockedChannels());
    }
    changes++;
  }

  @Override
  public void channelFailed(ChannelFailure failure) {
    if (failure != null && failure.channel() != null && !status.isTerminal()) {
      channels.failed(failure.channel());
      if (channels.allBlocked()) {
        endWith(LeadStatus.WRONG_NUMBER);
      }
      changes++;
    }
  }

  @Override
  public void engagement(EngagementEvent event) {
    if (event != null && event.type() == EngagementType.RE_INQUIRY
        && Workflow.getVersion(RE_INQUIRY_ONCE, Workflow.DEFAULT_VERSION, 1) >= 1
        && !responses.firstReInquiry(String.valueOf(event.detail()))) {
      return;
    }
    if (event != null && event.type() != null) {
      score = LeadScorer.adjust(score, event.type().points());
      if (event.type() == EngagementType.SMS_REPLY) {
        channels.replied();
      }
      responses.engaged(event.type());
      profileCause = "lead engagement " + event.type();
      search.scoreAndGrade(score);
      profileChanged = true;
      changes++;
    }
  }

  @Override
  public void pause(PauseRequest request) {
    if (!status.isTerminal() && pauses.pause(now())) {
      status = LeadStatus.PAUSED;
      changes++;
    }
  }

  @Override
  public void resume(PauseRequest request) {
    if (!status.isTerminal() && pauses.resume(now())) {
      status = LeadStatus.ACTIVE;
      changes++;
    }
  }

  @Override
  public void reassign(Reassignment reassignment) {
    assignAgent(reassignment.agentId());
    changes++;
  }

  @Override
  public void rescore(Rescore rescore) {
    score = LeadScorer.adjust(rescore.score(), 0);
    profileCause = "rescored";
    search.scoreAndGrade(score);
    profileChanged = true;
    changes++;
  }

  @Override
  public void trackTask(TaskDeadline deadline) {
    if (!status.isTerminal() && taskDeadlines.add(deadline)) {
      changes++;
    }
  }

  @Override
  public PlanSwitchResult switchPlan(PlanSwitch request) {
    // Between steps only: a send in flight finishes under the plan it started in.
    Workflow.await(() -> !stepInFlight || status.isTerminal());
    PlanSwitchResult refused = refusal(request.plan());
    if (refused != null) {
      return refused;
    }
    PlanPosition position = cursor.positionIn(request.plan());
    PlanSwitchResult result = position.result(cursor.plan(), request.plan(), request.cause());
    if (position.outcome() == PlanSwitchResult.Outcome.SWITCHED) {
      moveTo(request.plan(), position, request.cause());
    }
    return result;
  }

  @Override
  public void validatePlanSwitch(PlanSwitch request) {
    if (request == null || request.plan() == null) {
      throw new IllegalArgumentException("plan: required");
    }
  }

  @Override
  public PlanSwitchResult previewPlanSwitch(CadencePlan newPlan) {
    PlanSwitchResult refused = refusal(newPlan);
    return refused != null ? refused
        : cursor.positionIn(newPlan).result(cursor.plan(), newPlan, "preview");
  }

  /** Why the lead cannot move to {@code to} at all (null: it can, if its position maps). */
  private PlanSwitchResult refusal(CadencePlan to) {
    CadencePlan plan = cursor.plan();
    PlanSwitchResult.Outcome outcome = null;
    String reason = null;
    if (status.isTerminal()) {
      outcome = PlanSwitchResult.Outcome.NOT_RUNNING;
      reason = "the cadence has ended (" + status + ")";
    } else if (rulesVersion == null || rulesVersion < 1) {
      // Steps decided at sending time (version 1 of SEND_TIME_RULES) are what a switch relies on.
      outcome = PlanSwitchResult.Outcome.NOT_RUNNING;
      reason = "started by a version without plan switches";
    } else if (to.name().equals(plan.name()) && to.version() == plan.version()) {
      outcome = PlanSwitchResult.Outcome.ALREADY_ON_IT;
      reason = "already on " + plan.name() + " v" + plan.version();
    }
    return outcome == null ? null : new PlanSwitchResult(outcome, plan.name(), plan.version(), to.name(),
        to.version(), null, null, List.of(), reason);
  }

  /**
   * A move into another grade moves the rest of the cadence to that grade's plan (when the input says
   * which: gradePlans), and a move into A alerts a manager. By step id where the new plan has the lead's
   * last step, otherwise by time. A grade without steps (D) keeps the plan: the CRM closes such a lead.
   * True when it did anything, so the loop decides again.
   */
  private boolean followGradeChange() {
    Grade grade = Grade.forScore(score);
    if (input.gradePlans() == null || grade == planGrade) {
      return false;
    }
    Grade from = planGrade;
    planGrade = grade;
    String cause = "grade " + from + " to " + grade + (profileCause == null ? "" : " (" + profileCause + ")");
    if (grade == Grade.A && !responses.contactMade()) {
      ManagerAlert alert = new ManagerAlert(input.leadId(), input.dealershipId(), workflowId,
          "lead moved into grade A: " + cause, now());
      records(HistorySummaries.managerAlert(alert.reason())).alertManager(alert);
    }
    CadencePlan target = input.gradePlans().get(grade);
    if (target == null || target.steps().isEmpty() || refusal(target) != null) {
      return true;
    }
    PlanPosition position =
        cursor.positionByStepIdOrTime(target, s -> clock.plannedAt(StepTimings.timingFor(s, input.leadId())));
    moveTo(target, position, cause);
    return true;
  }

  /** The switch itself: the new plan from the mapped position on, recorded on the lead's row and timeline. */
  private void moveTo(CadencePlan to, PlanPosition position, String cause) {
    CadencePlan from = cursor.plan();
    cursor.moveTo(to, position);
    catchUp.movedOn();
    summaries = new HistorySummaries(to.steps(), leadZone);
    changes++;
    String next = position.result(from, to, cause).nextStepId();
    log.info("moved from plan {} v{} to {} v{} after step {} (next {}): {}", from.name(), from.version(),
        to.name(), to.version(), position.position(), next, cause);
    records(HistorySummaries.planSwitch(from.name(), from.version(), to.name(), to.version()))
        .recordPlanSwitch(new PlanSwitchRecord(input.leadId(), from.name(), from.version(), to.name(),
            to.version(), next, cause, now()));
  }

  @Override
  public LeadState state() {
    boolean running = !status.isTerminal() && !cursor.pastTheEnd();
    CadenceStep next = running ? step(cursor.nextIndex()) : null;
    return new LeadState(
        status,
        score,
        Grade.forScore(score),
        counts.attempts(),
        counts.performed(),
        running ? cursor.nextIndex() : null,
        next == null ? null : next.id(),
        next == null ? null : next.channel(),
        running && !pauses.isPaused() ? nextDue : null,
        responses.contactMade(),
        channels.blocked(),
        agentId,
        responses.lastOutcome(),
        escalations,
        lastEscalatedTaskId,
        counts.failedSteps(),
        counts.staleSteps(),
        counts.cancelledSteps(),
        previousRuns + 1,
        cursor.plan().name(),
        cursor.plan().version());
  }

  // ---- the loop's parts ---------------------------------------------------------------------

  private void applyOutcome(Outcome outcome) {
    responses.reported(outcome.type());
    switch (outcome.type()) {
      case CONTACTED -> contacted(LeadStatus.CONTACTED);
      case APPOINTMENT_SET -> contacted(LeadStatus.APPOINTMENT_SET);
      case NOT_INTERESTED -> contacted(LeadStatus.NOT_INTERESTED);
      case SOLD -> contacted(LeadStatus.SOLD);
      case LOST -> endWith(LeadStatus.LOST);
      case WRONG_NUMBER -> {
        channels.phoneUnusable();
        if (channels.isBlocked(Channel.EMAIL)) {
          endWith(LeadStatus.WRONG_NUMBER);
        }
      }
      case NO_ANSWER -> cursor.pullFollowUpAfterNoAnswer(now());
      case LEFT_VOICEMAIL -> { }
    }
  }

  private void contacted(LeadStatus end) {
    responses.contacted();
    endWith(end);
  }

  private void endWith(LeadStatus end) {
    status = end;
    pauses.end();
  }

  /**
   * With nothing left to send, the lead stays open to outcomes until the plan's last day, then retires.
   * Its tasks' deadlines still wake it meanwhile.
   */
  private void waitOutThePlan() {
    nextDue = null;
    List<CadenceStep> steps = cursor.plan().steps();
    Instant end = steps.isEmpty()
        ? now()
        : clock.plannedAt(StepTimings.timingFor(steps.get(steps.size() - 1), input.leadId())).plus(pauses.shift());
    search.step(PLAN_END_STEP, end);
    Instant until = earliest(end, nextTaskDeadline());
    String summary = until.equals(end)
        ? summaries.waitingForPlanEnd(end, now()) : summaries.waitingForTaskDeadline(until, now());
    if (!waitUntil(until, summary) && !now().isBefore(end)) {
      endWith(LeadStatus.RETIRED);
    }
  }

  /** The step's time by the plan: shifted by pauses, pulled forward by a NO_ANSWER. */
  private Instant plannedAt(int index) {
    CadenceStep s = step(index);
    Instant planned = clock.plannedAt(StepTimings.timingFor(s, input.leadId()));
    if (s.timing().anchor() != StepTiming.Anchor.RECEIPT) {
      planned = planned.plus(pauses.shift());
    }
    Instant pulled = cursor.pulledTo(index);
    if (pulled != null && pulled.isBefore(planned)) {
      planned = pulled;
    }
    return planned;
  }

  private Optional<Instant> dueTime(int index) {
    CadenceStep s = step(index);
    Instant planned = plannedAt(index);
    Instant notBefore = latest(planned, lastStepAt, now());
    if (channels.isBlocked(s.channel())) {
      // Decided at its time, not before: an opt-in in the meantime brings the step back.
      return Optional.of(notBefore);
    }
    return window.earliestAllowed(s.channel(), notBefore);
  }

  /** Sleeps until {@code until}; true when woken early by a message that may change the plan. */
  private boolean waitUntil(Instant until, String summary) {
    Duration wait = Duration.between(now(), until);
    if (wait.isNegative() || wait.isZero()) {
      return false;
    }
    int seen = changes;
    return readable.await(wait, summary, () -> changes != seen || status.isTerminal() || pauses.isPaused());
  }

  private Instant pendingManagerAlert() {
    return managerAlertAt != null && !responses.contactMade() ? managerAlertAt : null;
  }

  private boolean alertManagerIfDue() {
    Instant at = pendingManagerAlert();
    if (at == null || now().isBefore(at)) {
      return false;
    }
    managerAlertAt = null;
    ManagerAlert alert = new ManagerAlert(input.leadId(), input.dealershipId(), workflowId,
        "grade A lead uncontacted " + Duration.between(clock.start(), at).toMinutes()
            + " minutes after the cadence started",
        now());
    if (Workflow.getVersion(ASYNC_MANAGER_ALERT, Workflow.DEFAULT_VERSION, 1) >= 1) {
      managerAlertSent = Async.procedure(records(HistorySummaries.managerAlert(alert.reason()))::alertManager, alert);
    } else {
      records(HistorySummaries.managerAlert(alert.reason())).alertManager(alert);
    }
    return true;
  }

  /** An alert still running when the cadence ends is waited for: the workflow must not close on it. */
  private void awaitManagerAlert() {
    if (managerAlertSent != null) {
      try {
        managerAlertSent.get();
      } catch (ActivityFailure e) {
        log.warn("manager alert failed: {}", e.getMessage());
      }
      managerAlertSent = null;
    }
  }

  // ---- task SLAs ----------------------------------------------------------------------------

  private Instant nextTaskDeadline() {
    return taskDeadlines.nextAt().orElse(null);
  }

  /** Marks overdue or escalates every watched task whose time has come; true when there was any. */
  private boolean actOnDueTasks() {
    List<TaskDeadlines.Due> due = taskDeadlines.dueAt(now());
    for (TaskDeadlines.Due d : due) {
      TaskSlaRequest request =
          new TaskSlaRequest(input.leadId(), input.dealershipId(), workflowId, d.task().taskId(), now());
      try {
        switch (d.stage()) {
          case OVERDUE -> markOverdue(request);
          case ESCALATE -> escalate(request);
        }
      } catch (ActivityFailure e) {
        // Only a non-retryable failure gets here: stop watching rather than loop on it.
        log.warn("task {}: {} failed, no longer watched: {}", request.taskId(), d.stage(), e.getMessage());
        taskDeadlines.remove(request.taskId());
      }
    }
    return !due.isEmpty();
  }

  private void markOverdue(TaskSlaRequest request) {
    if (taskSla(HistorySummaries.taskOverdue(request.taskId())).markOverdue(request).stillToDo()) {
      taskDeadlines.markedOverdue(request.taskId());
    } else {
      taskDeadlines.remove(request.taskId());
    }
  }

  /** The task moves on (and the lead with it, so later call tasks go to whoever has it now). */
  private void escalate(TaskSlaRequest request) {
    taskDeadlines.remove(request.taskId());
    EscalationResult result = taskSla(HistorySummaries.taskEscalation(request.taskId())).escalate(request);
    if (!result.escalated()) {
      return;
    }
    escalations++;
    lastEscalatedTaskId = request.taskId();
    log.info("task {} escalated: agent {}, {} manager(s) told", request.taskId(), result.newAgentId(),
        result.managersTold());
    if (result.newAgentId() != null && !result.newAgentId().equals(agentId)) {
      assignAgent(result.newAgentId());
    }
  }

  /** The loop persists the change (persistProfileChange) on its next turn. */
  private void assignAgent(Long newAgentId) {
    agentId = newAgentId;
    search.agent(agentId);
    profileChanged = true;
  }

  // ---- steps --------------------------------------------------------------------------------

  private void performOrSkip(int index) {
    CadenceStep s = step(index);
    if (channels.isBlocked(s.channel())) {
      log.info("step {} ({}) skipped: channel {} blocked", index, s.id(), s.channel());
      cursor.skipKeepingPull(index);
      return;
    }
    Instant at = now();
    TouchRequest request = new TouchRequest(input.leadId(), input.dealershipId(), workflowId, index, s.id(),
        s.channel(), s.templateId(), at, agentId, callDeadline(s, at), null, null, s.variants(), s.timingVariants());
    try {
      TouchResult result = sends(touches, SEND_OPTIONS, summaries.step(index)).perform(request);
      // Null in histories from before tasks were watched: nothing to watch, so they replay unchanged.
      taskDeadlines.add(result.task());
      if (result.status().blocksChannel()) {
        channels.refused(s.channel(), result.status());
        log.info("step {} ({}) {}: {}", index, s.id(), result.status(), result.detail());
      } else {
        counts.performed(s);
      }
    } catch (ActivityFailure e) {
      // Out of retries inside the contact window: move on rather than send late.
      log.warn("step {} ({}) failed and was not sent: {}", index, s.id(), e.getMessage());
    }
    lastStepAt = at;
    cursor.done(index);
  }

  // ---- steps, decided at the moment of sending (version 1) -----------------------------------

  /**
   * One turn for step {@code index}: decide with the current workflow time, then wait, skip or
   * perform. Every wake-up comes back here, so a step that wakes late is decided again (quiet hours,
   * staleness) instead of being sent because its time has passed.
   */
  private void decideAndPerform(int index) {
    CadenceStep s = step(index);
    if (cursor.wentThrough(s)) {
      log.info("step {} ({}) skipped: the lead went through it before its plan switch", index, s.id());
      nextStep(index);
      return;
    }
    Instant planned = plannedAt(index);
    Instant notBefore = catchUp.notBefore(lastStepAt);
    // Steps without conditions (every plan recorded before conditions existed) always pass.
    Optional<StepCondition> unmet = responses.unmetCondition(s, channels.hasReplied());
    if (channels.isBlocked(s.channel()) || unmet.isPresent()) {
      // Decided at its time, not before: an opt-in (or, for a condition, an outcome or a reply) in the
      // meantime brings the step back.
      Instant at = latestOf(planned, notBefore);
      nextDue = at.isAfter(now()) ? at : now();
      search.step(s.id(), nextDue);
      if (waitForStep(index, nextDue)) {
        if (unmet.isPresent()) {
          log.info("step {} ({}) skipped: its condition {} does not hold", index, s.id(), unmet.get());
        } else {
          log.info("step {} ({}) skipped: channel {} blocked", index, s.id(), s.channel());
        }
        nextStep(index);
      }
      return;
    }
    Optional<Instant> onTime = catchUp.onTime(rules, s.channel(), planned);
    if (onTime.isEmpty()) {
      log.warn("step {} ({}) has no allowed time; skipped", index, s.id());
      nextStep(index);
      return;
    }
    SendTimeRules.Decision decision =
        rules.decide(catchUp.step(s.channel(), onTime.get(), lastStepAt, SendTimeRules.staleAfter(s)), now());
    if (decision instanceof SendTimeRules.Wait wait) {
      nextDue = wait.until();
      search.step(s.id(), nextDue);
      waitForStep(index, nextDue);
    } else if (decision instanceof SendTimeRules.Never) {
      log.warn("step {} ({}) has no allowed time; skipped", index, s.id());
      nextStep(index);
    } else if (decision instanceof SendTimeRules.Stale stale) {
      nextDue = now();
      stepInFlight = true;
      try {
        sends(touchRecords, RECORD_OPTIONS, summaries.recordUnsent(index, "stale"))
            .recordSkippedStale(unsent(index, now(), stale.reason()));
      } finally {
        stepInFlight = false;
      }
      counts.stale();
      log.info("step {} ({}) skipped as stale: {}", index, s.id(), stale.reason());
      catchUp.skippedStale(onTime.get());
      nextStep(index);
    } else if (decision instanceof SendTimeRules.Send send) {
      nextDue = now();
      stepInFlight = true;
      try {
        performNow(index, onTime.get(), send.allowedUntil());
      } finally {
        stepInFlight = false;
      }
    }
  }

  /** Sleeps until the step's time (or an alert, or a task deadline); true when the step's time has come. */
  private boolean waitForStep(int index, Instant due) {
    if (waitUntil(earliest(due, pendingManagerAlert(), nextTaskDeadline()), waitSummary(index, due))) {
      return false;
    }
    if (alertManagerIfDue()) {
      return false;
    }
    return !now().isBefore(due);
  }

  private void performNow(int index, Instant onTime, Instant allowedUntil) {
    CadenceStep s = step(index);
    Instant at = now();
    TouchRequest request = new TouchRequest(input.leadId(), input.dealershipId(), workflowId, touchIndex(index),
        s.id(), s.channel(), s.templateId(), at, agentId, callDeadline(s, at), allowedUntil, s.escalateAfter(),
        s.variants(), s.timingVariants());
    boolean sent = false;
    try {
      TouchResult result = sendsVersion() >= 1 && s.channel() != Channel.CALL
          ? performCancellable(index, request)
          : sends(touches, SEND_OPTIONS, summaries.step(index)).perform(request);
      if (result.status() == TouchStatus.SKIPPED_QUIET_HOURS) {
        // Started too late by the activity's clock: nothing was sent; plan the step again.
        log.info("step {} ({}) refused by the activity: {}", index, s.id(), result.detail());
        catchUp.refused(now().plus(AFTER_REFUSAL));
        return;
      }
      taskDeadlines.add(result.task());
      if (result.status().blocksChannel()) {
        channels.refused(s.channel(), result.status());
        log.info("step {} ({}) {}: {}", index, s.id(), result.status(), result.detail());
      } else if (result.status() == TouchStatus.CANCELLED) {
        // A retry found the step cancelled already (its earlier attempt stopped before sending).
        counts.cancelled();
      } else {
        sent = true;
        counts.performed(s);
      }
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) {
        sent = recordCancelled(index, at);
      } else {
        recordFailed(index, at, e);
      }
    }
    catchUp.performed(s.channel(), onTime, at, now(), sent);
    lastStepAt = at;
    nextStep(index);
  }

  /**
   * Version 1 of SENDS_BY_CHANNEL: the step's send on its channel's queue, in a scope that is cancelled
   * when the cadence ends or the channel is blocked while it is scheduled or running, and it has not
   * finished within {@link #CANCEL_GRACE}. (Call tasks are not cancelled: creating one takes a moment,
   * and the cadence's end closes it.)
   * Scheduled, it never starts; running, it stops before handing the message to a provider (it learns of
   * the cancellation through its heartbeat). Either way the promise fails with a CanceledFailure. A
   * send the provider took already completes as sent.
   */
  private TouchResult performCancellable(int index, TouchRequest request) {
    TouchActivities stub = sends(sendsByChannel.get(request.channel()), channelSendOptions(request.channel()),
        summaries.step(index));
    List<Promise<TouchResult>> performed = new ArrayList<>(1);
    CancellationScope scope = Workflow.newCancellationScope(
        () -> performed.add(Async.function(stub::perform, request)));
    scope.run();
    Promise<TouchResult> result = performed.get(0);
    Workflow.await(() -> result.isCompleted() || sendNoLongerWanted(request.channel()));
    if (!result.isCompleted()) {
      // A send about to finish is let finish: a cancellation that crosses the activity's completion is
      // pointless, and the embedded test server rejects it (the workflow task then fails and retries).
      readable.await(CANCEL_GRACE, summaries.cancelGrace(index, CANCEL_GRACE), result::isCompleted);
    }
    if (!result.isCompleted()) {
      log.info("step {} ({}): cancelling its send: {}", request.stepIndex(), request.stepId(),
          cancelReason(request.channel()));
      scope.cancel(cancelReason(request.channel()));
    }
    return result.get();
  }

  private boolean sendNoLongerWanted(Channel channel) {
    return status.isTerminal() || channels.isBlocked(channel);
  }

  private String cancelReason(Channel channel) {
    return status.isTerminal()
        ? "the cadence ended (" + status + ") before it was sent"
        : "channel " + channel + " was blocked (" + channels.whyBlocked(channel) + ") before it was sent";
  }

  /** The send was cancelled: its touch says what became of it; true when the provider had taken it. */
  private boolean recordCancelled(int index, Instant at) {
    CadenceStep s = step(index);
    TouchResult recorded = sends(touchRecords, RECORD_OPTIONS, summaries.recordUnsent(index, "cancelled"))
        .recordCancelled(unsent(index, at, cancelReason(s.channel())));
    if (recorded.status() == TouchStatus.SENT) {
      counts.performed(s);
      return true;
    }
    counts.cancelled();
    log.info("step {} ({}) {}: {}", index, s.id(), recorded.status(), recorded.detail());
    return false;
  }

  /** Out of retries: recorded on the touch as FAILED; a call still becomes the agent's task. */
  private void recordFailed(int index, Instant at, ActivityFailure e) {
    counts.failed();
    log.warn("step {} ({}) failed and was not sent: {}", index, step(index).id(), e.getMessage());
    TouchResult recorded = sends(touchRecords, RECORD_OPTIONS, summaries.recordUnsent(index, "failed"))
        .recordFailure(unsent(index, at, reasonOf(e)));
    taskDeadlines.add(recorded.task());
  }

  private void nextStep(int index) {
    cursor.done(index);
    catchUp.movedOn();
  }

  private int touchIndex(int index) {
    return cursor.touchIndex(index);
  }

  private UnsentTouch unsent(int index, Instant at, String reason) {
    CadenceStep s = step(index);
    return new UnsentTouch(input.leadId(), input.dealershipId(), workflowId, touchIndex(index), s.id(), s.channel(),
        s.templateId(), at, agentId, s.channel() == Channel.CALL ? callDeadline(s, at) : null, reason,
        s.escalateAfter());
  }

  private static String reasonOf(ActivityFailure e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return message.length() > 400 ? message.substring(0, 400) : message;
  }

  /**
   * The terminal status once more, after every handler: it also cancels open tasks, including one a
   * call step created while a closing outcome was being recorded.
   */
  private void writeFinalStatus() {
    rowLock.lock();
    try {
      records(HistorySummaries.status(status)).recordStatus(new StatusChange(input.leadId(), status, now()));
      recordedStatus = status;
      search.status(status);
    } finally {
      rowLock.unlock();
    }
  }

  private int sendsVersion() {
    if (sendsVersion == null) {
      sendsVersion = Workflow.getVersion(SENDS_BY_CHANNEL, Workflow.DEFAULT_VERSION, 1);
    }
    return sendsVersion;
  }

  // ---- continue-as-new -----------------------------------------------------------------------

  /**
   * Temporal suggests it (the history is long), or the input's limit is reached; asked at the top of
   * the loop, between steps. Not while the manager alert runs beside the loop: that activity belongs to
   * this run. The version marker is recorded only once a continuation is due, so runs whose history
   * never gets long (every recorded one) replay without it.
   */
  private boolean continueAsNewDue() {
    WorkflowInfo info = Workflow.getInfo();
    boolean due = info.isContinueAsNewSuggested()
        || (input.continueAsNewAfterEvents() != null && info.getHistoryLength() >= input.continueAsNewAfterEvents());
    if (!due || (managerAlertSent != null && !managerAlertSent.isCompleted())) {
      return false;
    }
    return Workflow.getVersion(CONTINUE_AS_NEW, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /**
   * Lets every signal and Update handler finish first (an Update's row write included), then hands all
   * state to a new run of the same workflow id, so the API's stubs (by workflow id) reach the new run.
   * Returns only when a handler changed something the loop must write or act on first (the loop then
   * comes back here on its next turn) or ended the cadence.
   */
  private void continueAsNewOnceSettled() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (status.isTerminal() || status != recordedStatus || profileChanged) {
      return;
    }
    log.info("continuing as new after {} history events (run {}, next step {})",
        Workflow.getInfo().getHistoryLength(), previousRuns + 1, cursor.nextIndex());
    ContinueAsNewOptions.Builder options = ContinueAsNewOptions.newBuilder();
    if (Workflow.getTypedSearchAttributes().size() > 0) {
      options.setTypedSearchAttributes(Workflow.getTypedSearchAttributes());
    }
    Map<String, Object> memo = memo();
    if (!memo.isEmpty()) {
      options.setMemo(memo);
    }
    Workflow.continueAsNew(options.build(), input.continuedWith(handOver(), cursor.plan()));
  }

  private CadenceContinuation handOver() {
    return new CadenceContinuation(previousRuns + 1, status, recordedStatus, score, agentId,
        channels.unavailable(), channels.optedOut(), channels.hasReplied(), responses.contactMade(),
        responses.lastOutcome(), responses.outcomeCount(), cursor.nextIndex(), counts.performed(), counts.attempts(),
        lastStepAt, cursor.pulledForward(), pauses.isPaused(), pauses.pausedAt(), pauses.shift(), managerAlertAt, taskDeadlines.snapshot(), escalations,
        lastEscalatedTaskId, catchUp.onTimeCursor(), catchUp.lateStepAt(), catchUp.lateStepOnTime(),
        catchUp.caughtUpAt(), catchUp.refusedUntil(), counts.failedSteps(), counts.staleSteps(),
        counts.cancelledSteps(), responses.reInquiries(), responses.emailReplied(), responses.emailOpened(),
        cursor.passedStepIds(), planGrade, cursor.touchIndexBase());
  }

  /** The state a previous run handed over: this run goes on exactly where that one stopped. */
  private void takeOver(CadenceContinuation c) {
    previousRuns = c.runs();
    status = c.status();
    recordedStatus = c.recordedStatus();
    score = c.score();
    agentId = c.agentId();
    channels.takeOver(c.unavailable(), c.optedOut(), c.replied());
    responses.takeOver(c.contactMade(), c.lastOutcome(), c.outcomeCount(), c.reInquiries(), c.emailReplied(),
        c.emailOpened());
    cursor.takeOver(c.nextIndex(), c.pulledForward(), c.passedStepIds(), c.touchIndexBase());
    counts.takeOver(c.stepsDone(), c.attempts(), c.failedSteps(), c.staleSteps(), c.cancelledSteps());
    lastStepAt = c.lastStepAt();
    pauses.takeOver(c.paused(), c.pausedAt(), c.pauseShift());
    managerAlertAt = c.managerAlertAt();
    taskDeadlines.restore(c.watchedTasks());
    escalations = c.escalations();
    lastEscalatedTaskId = c.lastEscalatedTaskId();
    catchUp.takeOver(c.onTimeCursor(), c.lateStepAt(), c.lateStepOnTime(), c.caughtUpAt(), c.refusedUntil());
    if (c.planGrade() != null) {
      planGrade = c.planGrade();
    }
  }

  private int rulesVersion() {
    if (rulesVersion == null) {
      rulesVersion = Workflow.getVersion(SEND_TIME_RULES, Workflow.DEFAULT_VERSION, 1);
    }
    return rulesVersion;
  }

  private static Instant latestOf(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  private void persistProfileChange() {
    if (profileChanged) {
      profileChanged = false;
      Grade grade = Grade.forScore(score);
      records(HistorySummaries.profile(score, grade, agentId))
          .recordProfile(new LeadProfileChange(input.leadId(), score, grade, agentId, now(), profileCause));
    }
  }

  /** The plan's SLA for a call task, cut short where the contact window closes sooner. */
  private Duration callDeadline(CadenceStep s, Instant at) {
    if (s.channel() != Channel.CALL || s.callSla() == null) {
      return s.callSla();
    }
    Duration open = window.allowedFor(Channel.CALL, at, s.callSla());
    return open.isZero() ? s.callSla() : open;
  }

  private void persistStatusChange() {
    if (rulesVersion() >= 1) {
      // Whatever changes while the write runs is written by the next turn: compare with what was written.
      while (status != recordedStatus) {
        rowLock.lock();
        try {
          if (status == recordedStatus) {
            break;
          }
          LeadStatus writing = status;
          records(HistorySummaries.status(writing)).recordStatus(new StatusChange(input.leadId(), writing, now()));
          recordedStatus = writing;
          search.status(writing);
        } finally {
          rowLock.unlock();
        }
      }
      return;
    }
    if (status != recordedStatus) {
      records(HistorySummaries.status(status)).recordStatus(new StatusChange(input.leadId(), status, now()));
      recordedStatus = status;
      search.status(status);
    }
  }

  /** The lead's memo (set by the starter), for the next run: the UI shows it on every run. */
  private static Map<String, Object> memo() {
    Map<String, Object> memo = new LinkedHashMap<>();
    for (String key : LeadMemo.KEYS) {
      Object value = Workflow.getMemo(key, String.class);
      if (value != null) {
        memo.put(key, value);
      }
    }
    return memo;
  }

  // ---- summaries for the Temporal UI (version 1 of READABLE_HISTORY) --------------------------

  private TouchActivities sends(TouchActivities plain, ActivityOptions options, String summary) {
    return readable.stub(TouchActivities.class, plain, options, summary);
  }

  private LeadRecordActivities records(String summary) {
    return readable.stub(LeadRecordActivities.class, records, RECORD_OPTIONS, summary);
  }

  private TaskActivities taskSla(String summary) {
    return readable.stub(TaskActivities.class, taskSla, RECORD_OPTIONS, summary);
  }

  private static ActivityOptions channelSendOptions(Channel channel) {
    return SEND_OPTIONS.toBuilder()
        .setTaskQueue(TaskQueues.forStep(channel))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .build();
  }

  /** What a wait for a step is for: the step, unless the manager alert or a task deadline comes first. */
  private String waitSummary(int index, Instant due) {
    Instant alert = pendingManagerAlert();
    Instant task = nextTaskDeadline();
    Instant until = earliest(due, alert, task);
    if (until.equals(due)) {
      return summaries.waitingForStep(index, due, now());
    }
    return until.equals(alert)
        ? summaries.waitingForManagerAlert(until, now())
        : summaries.waitingForTaskDeadline(until, now());
  }

  private CadenceStep step(int index) {
    return cursor.step(index);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** The earliest of first and the others that are set (null: nothing pending). */
  private static Instant earliest(Instant first, Instant... others) {
    Instant min = first;
    for (Instant other : others) {
      if (other != null && other.isBefore(min)) {
        min = other;
      }
    }
    return min;
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant max = a;
    if (b != null && b.isAfter(max)) {
      max = b;
    }
    return c.isAfter(max) ? c : max;
  }
}
