package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.CHICAGO;
import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults at send time: a late worker, a step out of retries, a signal racing the row's write. */
class SendTimeFaultsTest {
  private static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static boolean performed(TouchRow t) {
    return t.status() == TouchState.SENT || t.status() == TouchState.TASK_CREATED;
  }

  /**
   * The worker is gone while a lead's texts fall due and comes back after the lead's texting window has
   * closed. Real time: the time-skipping server never skips past a workflow task no worker picks up, so
   * the lead is put in a zone where it is 20:49:35 now (texts must start by 20:50), and the outage spans
   * the close. When the worker is back nothing but email goes out, and no text is planned before 08:00.
   */
  @Test
  void aWorkerBackAfterTheTextingWindowClosedSendsOnlyEmailAndNoTextBeforeMorning() throws Exception {
    DealershipSeed alwaysOpen = new DealershipSeed("Night Owl Motors", "UTC", "MON-SUN 00:00-23:59", "",
        "Night Owl Sales", "sales@night-owl.example", "+13125550100", true, "website", null,
        "night-owl-" + System.nanoTime(), DemoDealership.SEED.agents());
    try (CadenceHarness h = CadenceHarness.realTime(db, alwaysOpen)) {
      ZoneOffset zone = offsetWhereItIsNow(LocalTime.of(20, 49, 35));
      LeadCadenceInput base = h.newLead(new LeadContact("Jane", "Doe", "jane.doe@example.com", "+13125550187",
          zone.getId()), 60, Set.of());
      CadencePlan plan = new CadencePlan("late-worker", 1, List.of(
          CadenceStep.of("ack", Channel.EMAIL, "ack", StepTiming.atReceipt()),
          CadenceStep.of("sms-1", Channel.SMS, "intro", StepTiming.afterStart(Duration.ofSeconds(12))),
          CadenceStep.of("sms-2", Channel.SMS, "follow-up", StepTiming.afterStart(Duration.ofSeconds(16))),
          CadenceStep.of("email-2", Channel.EMAIL, "vehicle-details", StepTiming.afterStart(Duration.ofSeconds(20))),
          CadenceStep.of("sms-3", Channel.SMS, "in-stock", StepTiming.afterStart(Duration.ofSeconds(24))),
          CadenceStep.of("final", Channel.EMAIL, "final", StepTiming.afterStart(Duration.ofDays(1)))), null);
      LeadCadenceInput input = new LeadCadenceInput(base.leadId(), base.dealershipId(), base.source(),
          base.contact(), base.vehicle(), base.score(), base.assignedAgentId(), base.blockedChannels(),
          base.schedule(), plan, base.receivedAt());
      Instant start = Instant.now();
      LeadCadenceWorkflow workflow = h.start(input);
      awaitTouch(h, input.leadId(), "ack", Duration.ofSeconds(10));
      awaitWaitingForTheNextStep(h, input.leadId(), Duration.ofSeconds(10));

      h.stopWorker();   // gone before sms-1 is due
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plusSeconds(40)).toMillis()));
      assertTrue(LocalTime.now(zone).isAfter(LocalTime.of(20, 50)), "the window has closed");
      h.startWorker();
      awaitTouch(h, input.leadId(), "email-2", Duration.ofSeconds(20));
      Thread.sleep(3000);

      List<TouchRow> texts = h.touches(input.leadId()).stream().filter(t -> t.channel() == Channel.SMS).toList();
      assertTrue(texts.stream().noneMatch(t -> t.status() == TouchState.SENT), "no text after 20:50: " + texts);
      // Each overdue text either waits for 08:00 or, being more than its 2 hours stale by then, is skipped.
      LeadState state = workflow.state();
      if (state.nextChannel() == Channel.SMS) {
        ZonedDateTime next = state.nextStepAt().atZone(zone);
        assertEquals(LocalTime.of(8, 0), next.toLocalTime(), "the overdue text waits for the morning: " + state);
        assertEquals(ZonedDateTime.now(zone).toLocalDate().plusDays(1), next.toLocalDate());
      } else {
        assertEquals(3, texts.stream().filter(t -> t.status() == TouchState.SKIPPED_STALE).count(), texts.toString());
        assertEquals(3, state.staleSteps(), state.toString());
        assertEquals("final", state.nextStepId(), "no text is left to go out in a burst");
      }
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    }
  }

  /** The fixed offset at which the local time is {@code local} right now. */
  private static ZoneOffset offsetWhereItIsNow(LocalTime local) {
    int utcSeconds = LocalTime.now(ZoneOffset.UTC).toSecondOfDay();
    int shift = Math.floorMod(local.toSecondOfDay() - utcSeconds + 12 * 3600, 24 * 3600) - 12 * 3600;
    return ZoneOffset.ofTotalSeconds(shift);
  }

  /**
   * The workflow has taken in the acknowledgment's result and sleeps until sms-1 (a timer in its
   * history): stopping the worker before that would make the ack look slow to the workflow (its catch-up
   * rules then plan the texts from the ack's late end) instead of making the texts late.
   */
  private static void awaitWaitingForTheNextStep(CadenceHarness h, long leadId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String workflowId = com.leadcadence.workflows.WorkflowIds.forLead(leadId);
    while (h.client.fetchHistory(workflowId).getEvents().stream()
        .noneMatch(e -> e.getEventType() == io.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the workflow did not start waiting for sms-1 within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  private static void awaitTouch(CadenceHarness h, long leadId, String stepId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (h.touches(leadId).stream().noneMatch(t -> t.stepId().equals(stepId) && t.status() == TouchState.SENT)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(stepId + " not sent within " + timeout + ": " + h.touches(leadId));
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aTextOutOfRetriesIsRecordedFailedAndCountedAndTheCadenceGoesOn() {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM, senders -> senders.withSms(m -> {
      throw new MessageNotSentException("connection refused", null);
    }))) {
      LeadCadenceInput input = h.newLead(chicagoLead(), 60, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(45));

      TouchRow text = h.touches(input.leadId()).stream().filter(t -> t.stepId().equals("sms-1")).findFirst().orElseThrow();
      assertEquals(TouchState.FAILED, text.status());
      assertTrue(text.detail().contains("connection refused"), text.detail());
      assertEquals(1, workflow.state().failedSteps());
      assertTrue(h.touches(input.leadId()).stream().anyMatch(t -> t.stepId().equals("email-2") && performed(t)));
      assertTrue(h.touches(input.leadId()).stream().noneMatch(t -> !t.status().isSettled()), "nothing left PENDING or SENDING");
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    }
  }

  @Test
  void aResumeOrOptOutArrivingWhileTheRowIsWrittenIsNotLost() throws Exception {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput resumed = h.newLead(chicagoLead(), 60, Set.of());
      LeadCadenceInput optedOut = h.newLead(chicagoLead(), 60, Set.of());
      LeadCadenceWorkflow first = h.start(resumed);
      LeadCadenceWorkflow second = h.start(optedOut);
      h.env.sleep(Duration.ofMinutes(1));

      CountDownLatch writing = new CountDownLatch(2);
      CountDownLatch release = new CountDownLatch(1);
      h.beforeRecordStatus = change -> {
        if (change.status() == LeadStatus.PAUSED) {
          writing.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
      first.pause(new PauseRequest("wait"));
      second.pause(new PauseRequest("wait"));
      assertTrue(writing.await(20, TimeUnit.SECONDS), "both loops are writing PAUSED");
      first.resume(new PauseRequest("back"));
      second.optOut(new OptOutRequest(Set.of(OptOutChannel.ALL), "STOP"));
      release.countDown();
      h.beforeRecordStatus = c -> { };
      h.env.sleep(Duration.ofMinutes(1));

      LeadDao leads = h.db.jdbi().onDemand(LeadDao.class);
      assertEquals(LeadStatus.ACTIVE, first.state().status());
      assertEquals(LeadStatus.ACTIVE, leads.findById(resumed.leadId()).orElseThrow().status(), "the row follows the resume");
      assertEquals(LeadStatus.OPTED_OUT, leads.findById(optedOut.leadId()).orElseThrow().status(),
          "the row follows the opt-out");
      assertTrue(h.tasks(optedOut.leadId()).stream().noneMatch(t -> t.status().name().equals("OPEN")),
          "the closed lead has no open task");
      first.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    }
  }
}
