package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.CHICAGO;
import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.OutboxMessage;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.ChannelFailure;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptInRequest;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.schedule.ContactWindow;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks whole cadences through a time-skipping Temporal test server with the real activities and a
 * real database: what is sent, on which channel, and when (in the lead's local time).
 */
class LeadCadenceWorkflowTest {
  /** Monday 2026-11-23, 10:00 in Chicago: the dealership (MON-SAT 09:00-20:00) is open. */
  private static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  private static final int GRADE_B = 60;
  private static final int GRADE_A = 90;

  private static TestDatabase db;
  private CadenceHarness harness;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @AfterEach
  void closeHarness() {
    if (harness != null) {
      harness.close();
    }
  }

  private CadenceHarness harnessAt(Instant start) {
    harness = new CadenceHarness(db, start);
    return harness;
  }

  private static List<String> timeline(List<TouchRow> touches, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    for (TouchRow t : touches) {
      ZonedDateTime at = t.performedAt().atZone(zone).truncatedTo(ChronoUnit.MINUTES);
      lines.add(String.format("%s %s %s %s", at.toLocalDate(), at.toLocalTime(), t.channel(), t.stepId()));
    }
    return lines;
  }

  @Test
  void aStandardLeadGetsTheWholeThirtyDayCadenceThenRetires() throws Exception {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    assertEquals(15, result.attempts(), "15 attempts after the acknowledgment");
    assertEquals(List.of(
            "2026-11-23 10:00 EMAIL ack",
            "2026-11-23 10:00 CALL call-1",
            "2026-11-23 10:15 SMS sms-1",
            "2026-11-23 10:30 EMAIL email-2",
            "2026-11-23 14:00 SMS sms-2",
            "2026-11-23 14:05 CALL call-2",
            "2026-11-24 10:30 SMS sms-3",
            "2026-11-24 17:30 CALL call-3",
            "2026-11-25 11:00 VOICEMAIL vm-1",
            "2026-11-26 18:00 VOICEMAIL vm-2",
            "2026-11-28 09:30 EMAIL email-5",
            "2026-11-30 14:00 VOICEMAIL vm-3",
            "2026-12-03 18:30 SMS sms-4",
            "2026-12-07 10:00 EMAIL email-14",
            "2026-12-14 15:00 VOICEMAIL vm-4",
            "2026-12-23 10:00 EMAIL email-30"),
        timeline(h.touches(input.leadId()), CHICAGO));
    assertTrue(h.touches(input.leadId()).stream().allMatch(t -> t.status().name().equals("SENT")
        || t.status().name().equals("TASK_CREATED")), "every step was performed");
    assertEquals(13, h.outbox.messagesForLead(input.leadId()).size(), "16 steps, 3 of them call tasks");

    LeadRow row = h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow();
    assertEquals(LeadStatus.RETIRED, row.status());
    assertAbout(MONDAY_10AM, row.firstResponseAt());
    assertNotNull(row.closedAt());

    TaskRow firstCall = h.tasks(input.leadId()).get(0);
    assertAbout(MONDAY_10AM.plus(Duration.ofMinutes(5)), firstCall.dueAt());
    List<TaskRow> calls = h.tasks(input.leadId()).stream().filter(t -> t.kind() == TaskKind.CALL).toList();
    assertEquals(3, calls.size());
    // Nobody worked them: each slipped and went to the demo dealership's manager as well.
    assertEquals(3, h.tasks(input.leadId()).stream().filter(t -> t.kind() == TaskKind.ESCALATION).count());
    assertEquals(3, workflow.state().escalations());

    // The recorded history replays against the current code: the workflow is deterministic.
    WorkflowExecutionHistory history = h.client.fetchHistory(WorkflowIds.forLead(input.leadId()));
    WorkflowReplayer.replayWorkflowExecution(history, LeadCadenceWorkflowImpl.class);
    // ...and a changed workflow does not: the check above can fail.
    Exception replayFailure = assertThrows(Exception.class,
        () -> WorkflowReplayer.replayWorkflowExecution(history, ChangedCadenceWorkflow.class));
    assertTrue(replayFailure.getMessage().contains("NonDeterministicException"), replayFailure.getMessage());
  }

  @Test
  void anAfterHoursLeadIsAcknowledgedAtOnceAndCalledWhenTheDealershipOpens() {
    Instant saturdayNight = chicago("2026-11-28T20:30");
    CadenceHarness h = harnessAt(saturdayNight);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);

    h.env.sleep(Duration.ofDays(2));

    List<String> firstDays = timeline(h.touches(input.leadId()), CHICAGO).subList(0, 6);
    assertEquals(List.of(
        "2026-11-28 20:30 EMAIL ack",
        "2026-11-30 09:00 CALL call-1",
        "2026-11-30 09:15 SMS sms-1",
        "2026-11-30 09:30 EMAIL email-2",
        "2026-11-30 13:00 SMS sms-2",
        "2026-11-30 13:05 CALL call-2"), firstDays);
    TaskRow firstCall = h.tasks(input.leadId()).get(0);
    assertTrue(Duration.between(chicago("2026-11-30T09:00"), firstCall.dueAt()).toMinutes() <= 30,
        "after-hours leads are called within 30 minutes of opening");
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, h.firstAgentId(), "spoke on Monday"));
  }

  @Test
  void quietHoursAndBusinessHoursHoldForALeadInAnotherTimeZone() {
    // 09:30 in Chicago is 07:30 in Los Angeles: no call or text before 08:00 there.
    CadenceHarness h = harnessAt(chicago("2026-11-23T09:30"));
    ZoneId la = ZoneId.of("America/Los_Angeles");
    LeadContact contact = new LeadContact("Sam", "Lee", "sam.lee@example.com", "+12135550143", la.getId());
    LeadCadenceInput input = h.newLead(contact, GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    List<TouchRow> touches = h.touches(input.leadId());
    assertEquals("2026-11-23 07:30 EMAIL ack", timeline(touches, la).get(0));
    assertEquals("2026-11-23 08:00 CALL call-1", timeline(touches, la).get(1));
    assertEquals(16, touches.size());
    for (TouchRow t : touches) {
      if (t.channel().respectsQuietHours()) {
        LocalTime local = t.performedAt().atZone(la).toLocalTime();
        assertFalse(local.isBefore(LocalTime.of(8, 0)) || local.isAfter(ContactWindow.LAST_START),
            t.stepId() + " at " + local + " in the lead's zone");
      }
      if (t.channel().needsBusinessHours()) {
        ZonedDateTime dealer = t.performedAt().atZone(CHICAGO);
        assertTrue(dealer.getDayOfWeek().getValue() <= 6
                && !dealer.toLocalTime().isBefore(LocalTime.of(9, 0))
                && dealer.toLocalTime().isBefore(LocalTime.of(20, 0)),
            t.stepId() + " at " + dealer + " in the dealership's hours");
      }
    }
  }

  @Test
  void noAnswerOnTheFirstCallSendsTheFollowUpTextAtOnce() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);

    h.env.sleep(Duration.ofMinutes(3));
    Instant noAnswerAt = h.now();
    LeadState state = workflow.recordOutcome(new Outcome(OutcomeType.NO_ANSWER, h.firstAgentId(), "rang out"));
    assertEquals(LeadStatus.ACTIVE, state.status());
    assertEquals(OutcomeType.NO_ANSWER, state.lastOutcome());
    h.env.sleep(Duration.ofMinutes(1));

    TouchRow text = h.touches(input.leadId()).stream()
        .filter(t -> t.stepId().equals("sms-1")).findFirst().orElseThrow();
    Duration after = Duration.between(noAnswerAt, text.performedAt());
    assertTrue(!after.isNegative() && after.compareTo(Duration.ofSeconds(5)) < 0, "text " + after + " after");
    assertTrue(text.performedAt().isBefore(MONDAY_10AM.plus(Duration.ofMinutes(15))), "pulled forward");
    assertEquals("NO_ANSWER", h.tasks(input.leadId()).get(0).outcome());
    workflow.recordOutcome(new Outcome(OutcomeType.LOST, null, null));
  }

  @Test
  void contactEndsTheCadenceAtOnceAndLaterOutcomesAreRejected() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);

    h.env.sleep(Duration.ofMinutes(20));
    LeadState state = workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, h.firstAgentId(), "talked"));
    assertEquals(LeadStatus.CONTACTED, state.status());
    assertTrue(state.contactMade());

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);
    assertEquals(LeadStatus.CONTACTED, result.status());
    h.env.sleep(Duration.ofDays(3));
    assertEquals(List.of("ack", "call-1", "sms-1"),
        h.touches(input.leadId()).stream().map(TouchRow::stepId).toList(), "nothing after contact");
    LeadRow row = h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow();
    assertEquals(LeadStatus.CONTACTED, row.status());
    assertAbout(MONDAY_10AM.plus(Duration.ofMinutes(20)), row.firstContactAt());
    assertTrue(h.tasks(input.leadId()).stream().noneMatch(t -> t.status().name().equals("OPEN")));

    assertThrows(RuntimeException.class,
        () -> workflow.recordOutcome(new Outcome(OutcomeType.APPOINTMENT_SET, null, null)));
  }

  @Test
  void everyClosingOutcomeEndsTheCadenceWithItsStatus() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    Map<OutcomeType, LeadStatus> closing = Map.of(
        OutcomeType.APPOINTMENT_SET, LeadStatus.APPOINTMENT_SET,
        OutcomeType.NOT_INTERESTED, LeadStatus.NOT_INTERESTED,
        OutcomeType.SOLD, LeadStatus.SOLD,
        OutcomeType.LOST, LeadStatus.LOST);
    // All rows first: the time-skipping server may jump far ahead once every workflow has ended.
    Map<OutcomeType, LeadCadenceInput> inputs = new EnumMap<>(OutcomeType.class);
    Map<OutcomeType, LeadCadenceWorkflow> workflows = new EnumMap<>(OutcomeType.class);
    for (OutcomeType type : closing.keySet()) {
      inputs.put(type, h.newLead(chicagoLead(), GRADE_B, Set.of()));
      workflows.put(type, h.start(inputs.get(type)));
    }
    h.env.sleep(Duration.ofMinutes(1));
    for (OutcomeType type : closing.keySet()) {
      assertEquals(closing.get(type), workflows.get(type).recordOutcome(new Outcome(type, null, null)).status());
    }
    for (OutcomeType type : closing.keySet()) {
      CadenceResult result = WorkflowStub.fromTyped(workflows.get(type)).getResult(CadenceResult.class);
      assertEquals(closing.get(type), result.status());
      LeadRow row = h.db.jdbi().onDemand(LeadDao.class).findById(inputs.get(type).leadId()).orElseThrow();
      assertEquals(closing.get(type), row.status());
      assertNotNull(row.closedAt());
    }
  }

  @Test
  void aWrongNumberLeavesEmailOnlyAndEndsALeadWithoutEmail() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput withEmail = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow first = h.start(withEmail);
    LeadContact phoneOnly = new LeadContact("Ray", "Fox", null, "+13125550199", "America/Chicago");
    LeadCadenceInput withoutEmail = h.newLead(phoneOnly, GRADE_B, Set.of());
    LeadCadenceWorkflow second = h.start(withoutEmail);
    h.env.sleep(Duration.ofMinutes(2));

    assertEquals(LeadStatus.ACTIVE, first.recordOutcome(new Outcome(OutcomeType.WRONG_NUMBER, null, null)).status());
    assertEquals(LeadStatus.WRONG_NUMBER,
        second.recordOutcome(new Outcome(OutcomeType.WRONG_NUMBER, null, null)).status());

    CadenceResult result = WorkflowStub.fromTyped(first).getResult(CadenceResult.class);
    assertEquals(LeadStatus.RETIRED, result.status());
    List<TouchRow> later = h.touches(withEmail.leadId()).stream()
        .filter(t -> t.performedAt().isAfter(MONDAY_10AM.plus(Duration.ofMinutes(2)))).toList();
    assertFalse(later.isEmpty());
    assertTrue(later.stream().allMatch(t -> t.channel() == Channel.EMAIL), "only emails after a wrong number");
  }

  @Test
  void optingOutOfTextsStopsTextsButNotTheCadenceAndAllEndsIt() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(1));
    workflow.optOut(new OptOutRequest(Set.of(OptOutChannel.SMS), "test"));
    h.env.sleep(Duration.ofDays(2));

    List<TouchRow> touches = h.touches(input.leadId());
    assertTrue(touches.stream().noneMatch(t -> t.channel() == Channel.SMS), "no texts after STOP");
    assertTrue(touches.stream().anyMatch(t -> t.stepId().equals("call-3")), "the cadence goes on");
    assertTrue(workflow.state().blockedChannels().contains(Channel.SMS));

    workflow.optOut(new OptOutRequest(Set.of(OptOutChannel.ALL), "test"));
    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);
    assertEquals(LeadStatus.OPTED_OUT, result.status());
    int sent = h.touches(input.leadId()).size();
    h.env.sleep(Duration.ofDays(5));
    assertEquals(sent, h.touches(input.leadId()).size());
  }

  @Test
  void noConsentMeansNoAutomatedTextsOrVoicemail() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, EnumSet.of(Channel.SMS, Channel.VOICEMAIL));
    LeadCadenceWorkflow workflow = h.start(input);

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    List<TouchRow> touches = h.touches(input.leadId());
    assertTrue(touches.stream().allMatch(t -> t.channel() == Channel.EMAIL || t.channel() == Channel.CALL));
    assertEquals(8, touches.size(), "5 emails and 3 call tasks");
  }

  @Test
  void pausingHoldsEverythingAndResumingReplansFromNowWithoutABurst() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(5));
    workflow.pause(new PauseRequest("customer asked to wait"));
    h.env.sleep(Duration.ofMinutes(1));
    assertEquals(LeadStatus.PAUSED, workflow.state().status());
    assertEquals(LeadStatus.PAUSED,
        h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow().status());
    int before = h.touches(input.leadId()).size();
    h.env.sleep(Duration.ofDays(2));
    assertEquals(before, h.touches(input.leadId()).size(), "nothing while paused");

    Instant resumedAt = h.now();
    workflow.resume(new PauseRequest("back from vacation"));
    h.env.sleep(Duration.ofHours(1));

    List<TouchRow> after = h.touches(input.leadId()).stream()
        .filter(t -> !t.performedAt().isBefore(resumedAt)).toList();
    assertEquals(List.of("sms-1", "email-2"), after.stream().map(TouchRow::stepId).toList(),
        "the plan continues with its spacing, not every overdue step at once");
    assertAbout(resumedAt.plus(Duration.ofMinutes(10)), after.get(0).performedAt());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  /** The alert's activity fails (its database is down) for hours: the cadence goes on meanwhile. */
  @Test
  void aManagerAlertThatKeepsFailingNeverBlocksTheCadence() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
    h.beforeAlertManager = alert -> {
      if (down.get()) {
        throw new IllegalStateException("database unreachable");
      }
    };
    LeadCadenceInput hot = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow workflow = h.start(hot);
    Instant alertDue = h.now().plus(Duration.ofMinutes(15));
    h.env.sleep(Duration.ofHours(4));
    assertTrue(h.managerAlerts.isEmpty());
    List<TouchRow> afterAlert = h.touches(hot.leadId()).stream()
        .filter(t -> t.performedAt().isAfter(alertDue.plus(Duration.ofMinutes(1)))).toList();
    assertFalse(afterAlert.isEmpty(), "steps after the alert ran while it was failing: " + h.touches(hot.leadId()));

    down.set(false);
    h.env.sleep(Duration.ofMinutes(10));
    assertEquals(1, h.managerAlerts.size(), "the alert arrives once its activity succeeds");
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  @Test
  void aHotLeadStillUncontactedAfterFifteenMinutesAlertsAManager() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput hot = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow workflow = h.start(hot);
    h.env.sleep(Duration.ofMinutes(14));
    assertTrue(h.managerAlerts.isEmpty());
    h.env.sleep(Duration.ofMinutes(2));
    assertEquals(1, h.managerAlerts.size());
    assertEquals(hot.leadId(), h.managerAlerts.get(0).leadId());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));

    LeadCadenceInput reached = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow second = h.start(reached);
    h.env.sleep(Duration.ofMinutes(4));
    second.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    h.env.sleep(Duration.ofMinutes(30));
    assertEquals(1, h.managerAlerts.size(), "no alert for a lead reached in time");
  }

  @Test
  void aGradeDLeadGetsNoCadence() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), 10, Set.of());
    CadenceResult result = WorkflowStub.fromTyped(h.start(input)).getResult(CadenceResult.class);
    assertEquals(LeadStatus.NO_CADENCE, result.status());
    assertTrue(h.touches(input.leadId()).isEmpty());
    assertEquals(LeadStatus.NO_CADENCE,
        h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow().status());
  }

  @Test
  void theOutboxHoldsExactlyWhatTheTouchesSay() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(31));
    List<OutboxMessage> sent = h.outbox.messagesForLead(input.leadId());
    assertEquals(List.of(Channel.EMAIL, Channel.SMS, Channel.EMAIL), sent.stream().map(OutboxMessage::channel).toList());
    TouchRow text = h.touches(input.leadId()).get(2);
    assertEquals(sent.get(1).body(), text.body());
    assertTrue(text.body().contains("Jane") && text.body().contains("STOP"), text.body());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  @Test
  void aReplyStopsAutomatedTextsRaisesTheScoreAndTheRowFollows() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(1));
    workflow.engagement(new EngagementEvent(EngagementType.SMS_REPLY, "what colours do you have?"));
    h.env.sleep(Duration.ofDays(2));

    LeadState state = workflow.state();
    assertEquals(GRADE_B + EngagementType.SMS_REPLY.points(), state.score());
    assertTrue(state.blockedChannels().contains(Channel.SMS));
    assertTrue(h.touches(input.leadId()).stream().noneMatch(t -> t.channel() == Channel.SMS));
    assertTrue(h.touches(input.leadId()).stream().anyMatch(t -> t.stepId().equals("call-3")), "calls go on");
    LeadRow row = h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow();
    assertEquals(GRADE_B + EngagementType.SMS_REPLY.points(), row.score());
    assertEquals(Grade.forScore(GRADE_B + EngagementType.SMS_REPLY.points()), row.grade());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  @Test
  void anOptInGivesTextsBack() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(1));
    workflow.optOut(new OptOutRequest(Set.of(OptOutChannel.SMS), "sms-stop"));
    h.env.sleep(Duration.ofMinutes(30));
    workflow.optIn(new OptInRequest(Set.of(OptOutChannel.SMS), "sms-start"));
    h.env.sleep(Duration.ofHours(5));

    List<String> steps = h.touches(input.leadId()).stream().map(TouchRow::stepId).toList();
    assertFalse(steps.contains("sms-1"), "skipped while opted out");
    assertTrue(steps.contains("sms-2"), "texts again after START: " + steps);
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  @Test
  void aBouncedEmailBlocksEmailAndAnUnreachableLeadEnds() {
    CadenceHarness h = harnessAt(MONDAY_10AM);
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(1));
    workflow.channelFailed(new ChannelFailure(Channel.EMAIL, "hard bounce"));
    h.env.sleep(Duration.ofHours(1));
    assertTrue(workflow.state().blockedChannels().contains(Channel.EMAIL));
    assertFalse(h.touches(input.leadId()).stream().anyMatch(t -> t.stepId().equals("email-2")));
    assertEquals(LeadStatus.ACTIVE, workflow.state().status());

    workflow.channelFailed(new ChannelFailure(Channel.SMS, "landline"));
    workflow.channelFailed(new ChannelFailure(Channel.CALL, "disconnected"));
    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);
    assertEquals(LeadStatus.WRONG_NUMBER, result.status());
  }

  /** Workflow time runs a few milliseconds past a timer's due time. */
  private static void assertAbout(Instant expected, Instant actual) {
    assertNotNull(actual);
    assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofSeconds(2)) < 0,
        "expected about " + expected + " but was " + actual);
  }
}
