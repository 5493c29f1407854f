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
import java.time.Duration;
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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Faults at send time: a late worker, a step out of retries, a signal racing the row's write.
 * WIP: these runs did not finish under the time-skipping test server (not yet diagnosed: a stopped
 * worker while the clock is skipped, or 10 minutes of activity retries); disabled until they do.
 */
@Disabled("WIP: hangs under the time-skipping test server, not yet diagnosed")
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

  @Test
  void aWorkerBackAtHalfPastTenAtNightSendsOnlyEmailBeforeMorningAndNoBurst() throws Exception {
    try (CadenceHarness h = CadenceHarness.restartable(db, MONDAY_10AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), 60, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(2));
      assertEquals(List.of("ack", "call-1"), h.touches(input.leadId()).stream().map(TouchRow::stepId).toList());

      h.stopWorker();   // gone before sms-1 (10:15) is due
      h.env.sleep(Duration.between(h.now(), chicago("2026-11-23T22:30")));
      h.startWorker();
      h.env.sleep(Duration.ofMinutes(5));

      List<TouchRow> afterOutage = h.touches(input.leadId()).stream()
          .filter(t -> t.performedAt().isAfter(MONDAY_10AM.plus(Duration.ofMinutes(2)))).toList();
      Map<String, TouchState> byStep = afterOutage.stream()
          .collect(Collectors.toMap(TouchRow::stepId, TouchRow::status));
      assertEquals(Map.of("sms-1", TouchState.SKIPPED_STALE, "email-2", TouchState.SENT,
          "sms-2", TouchState.SKIPPED_STALE, "call-2", TouchState.SKIPPED_STALE), byStep);
      assertEquals(3, workflow.state().staleSteps());

      h.env.sleep(Duration.between(h.now(), chicago("2026-11-24T12:00")));
      List<TouchRow> performedAfter = h.touches(input.leadId()).stream()
          .filter(t -> t.performedAt().isAfter(MONDAY_10AM.plus(Duration.ofMinutes(2))))
          .filter(SendTimeFaultsTest::performed).toList();
      Instant morning = chicago("2026-11-24T08:00");
      for (TouchRow t : performedAfter) {
        assertTrue(t.channel() == Channel.EMAIL || !t.performedAt().isBefore(morning),
            t.stepId() + " " + t.channel() + " at " + t.performedAt().atZone(CHICAGO));
        LocalTime local = t.performedAt().atZone(CHICAGO).toLocalTime();
        assertTrue(t.channel() == Channel.EMAIL || !local.isBefore(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(21, 0)));
      }
      Map<Channel, Integer> overdue = new EnumMap<>(Channel.class);
      performedAfter.stream().filter(t -> t.performedAt().isBefore(chicago("2026-11-24T10:00")))
          .forEach(t -> overdue.merge(t.channel(), 1, Integer::sum));
      assertTrue(overdue.values().stream().allMatch(n -> n <= 1), "at most one overdue step per channel: " + overdue);
      assertEquals(List.of("email-2", "sms-3"), performedAfter.stream().map(TouchRow::stepId).toList(),
          "no burst: the next text keeps its planned time");
      assertEquals(chicago("2026-11-24T10:30"),
          performedAfter.get(1).performedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
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
