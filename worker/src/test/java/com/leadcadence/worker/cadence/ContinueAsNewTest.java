package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.OutboxMessage;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.PauseRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounded history: a lead whose workflow continues as new every few dozen history events (the input's
 * limit stands in for Temporal's suggestion, which the test server makes only at 4,096 events) lives the
 * same 30 days as a lead that never does, with the same signals, Updates and queries at the same times:
 * the same steps at the same instants, each performed once, the same end.
 */
class ContinueAsNewTest {
  private static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  private static final int GRADE_A = 90;
  /** Small enough that the lead continues as new several times a day. */
  private static final int EVENTS_PER_RUN = 40;

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void aLeadThatContinuesAsNewPerformsExactlyTheStepsOfOneThatDoesNot() throws Exception {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput plainInput = h.newLead(chicagoLead(), GRADE_A, Set.of());
      LeadCadenceInput continuingInput = h.newLead(chicagoLead(), GRADE_A, Set.of()).continuingAsNewAfter(EVENTS_PER_RUN);
      LeadCadenceWorkflow plain = h.start(plainInput);
      LeadCadenceWorkflow continuing = h.start(continuingInput);
      List<LeadCadenceWorkflow> both = List.of(plain, continuing);

      // Day 0: the hot lead's manager alert, its call tasks' SLAs (overdue, escalated) and the steps.
      h.env.sleep(Duration.ofHours(5));
      assertTrue(continuing.state().runs() > 1, "continued as new already: " + continuing.state());
      assertEquals(1, plain.state().runs());
      assertSameProgress(plain.state(), continuing.state());

      // After the switch, a signal of each kind, an Update and queries reach the new run.
      both.forEach(w -> w.engagement(new EngagementEvent(EngagementType.EMAIL_OPEN, "opened the ack")));
      both.forEach(w -> w.optOut(new OptOutRequest(Set.of(OptOutChannel.SMS), "STOP")));
      h.env.sleep(Duration.ofHours(20));
      both.forEach(w -> w.pause(new PauseRequest("on vacation")));
      h.env.sleep(Duration.ofDays(3));
      assertEquals(LeadStatus.PAUSED, continuing.state().status());
      both.forEach(w -> w.resume(new PauseRequest("back")));
      h.env.sleep(Duration.ofDays(2));
      LeadState plainAfterUpdate = plain.recordOutcome(new Outcome(OutcomeType.NO_ANSWER, h.firstAgentId(), "rang out"));
      LeadState continuingAfterUpdate =
          continuing.recordOutcome(new Outcome(OutcomeType.NO_ANSWER, h.firstAgentId(), "rang out"));
      assertEquals(OutcomeType.NO_ANSWER, continuingAfterUpdate.lastOutcome());
      assertSameProgress(plainAfterUpdate, continuingAfterUpdate);
      assertTrue(continuing.state().blockedChannels().contains(Channel.SMS), "the opt-out was carried over");
      assertEquals(plain.state().score(), continuing.state().score(), "the open's points were carried over");

      CadenceResult plainResult = WorkflowStub.fromTyped(plain).getResult(CadenceResult.class);
      CadenceResult continuingResult = WorkflowStub.fromTyped(continuing).getResult(CadenceResult.class);
      assertEquals(LeadStatus.RETIRED, continuingResult.status());
      assertEquals(plainResult, continuingResult);
      LeadState end = continuing.state();
      assertTrue(end.runs() >= 5, "runs: " + end.runs());

      List<TouchRow> expected = h.touches(plainInput.leadId());
      List<TouchRow> actual = h.touches(continuingInput.leadId());
      assertEquals(steps(expected), steps(actual), "the same steps in the same order");
      for (int i = 0; i < expected.size(); i++) {
        Duration offBy = Duration.between(expected.get(i).performedAt(), actual.get(i).performedAt()).abs();
        assertTrue(offBy.compareTo(Duration.ofSeconds(2)) < 0,
            actual.get(i).stepId() + " at " + actual.get(i).performedAt() + ", not " + expected.get(i).performedAt());
        assertEquals(expected.get(i).status(), actual.get(i).status(), actual.get(i).stepId());
      }
      assertEachSentOnce(h.outbox.messagesForLead(continuingInput.leadId()), actual);
      assertEquals(h.outbox.messagesForLead(plainInput.leadId()).size(),
          h.outbox.messagesForLead(continuingInput.leadId()).size());
      assertEquals(kindsAndStatuses(h.tasks(plainInput.leadId())), kindsAndStatuses(h.tasks(continuingInput.leadId())),
          "the same call tasks, escalations and closings");
      assertEquals(2, h.managerAlerts.size(), "one manager alert per lead, not one per run");
      assertEquals(LeadStatus.RETIRED,
          h.db.jdbi().onDemand(LeadDao.class).findById(continuingInput.leadId()).orElseThrow().status());

      // Each run's history stays short, and each replays against the current code.
      List<WorkflowExecutionHistory> runs = runsOf(h, continuingInput.leadId());
      assertEquals(end.runs(), runs.size());
      for (WorkflowExecutionHistory run : runs) {
        assertTrue(run.getEvents().size() < EVENTS_PER_RUN + 30, "events in a run: " + run.getEvents().size());
        WorkflowReplayer.replayWorkflowExecution(run, LeadCadenceWorkflowImpl.class);
      }
    }
  }

  /** The lead's runs, newest first: each run's first event names the run it continued. */
  private static List<WorkflowExecutionHistory> runsOf(CadenceHarness h, long leadId) {
    String workflowId = WorkflowIds.forLead(leadId);
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    WorkflowExecutionHistory run = h.client.fetchHistory(workflowId);
    while (true) {
      runs.add(run);
      HistoryEvent first = run.getEvents().get(0);
      assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, first.getEventType());
      String previous = first.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        return runs;
      }
      run = h.client.fetchHistory(workflowId, previous);
      HistoryEvent last = run.getLastEvent();
      assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, last.getEventType(),
          "an earlier run ends by continuing as new");
    }
  }

  private static void assertSameProgress(LeadState expected, LeadState actual) {
    assertEquals(expected.status(), actual.status());
    assertEquals(expected.attempts(), actual.attempts());
    assertEquals(expected.stepsDone(), actual.stepsDone());
    assertEquals(expected.nextStepId(), actual.nextStepId());
    assertEquals(expected.escalations(), actual.escalations());
    assertEquals(expected.score(), actual.score());
    assertEquals(expected.blockedChannels(), actual.blockedChannels());
  }

  private static List<String> steps(List<TouchRow> touches) {
    return touches.stream().map(t -> t.stepIndex() + ":" + t.stepId()).toList();
  }

  /** Every message the stand-in got belongs to a SENT touch, and no step reached it twice. */
  private static void assertEachSentOnce(List<OutboxMessage> received, List<TouchRow> touches) {
    Map<String, Long> perKey = received.stream()
        .collect(Collectors.groupingBy(OutboxMessage::idempotencyKey, Collectors.counting()));
    assertTrue(perKey.values().stream().allMatch(n -> n == 1), "a step sent twice: " + perKey);
    Set<String> sentKeys = touches.stream().filter(t -> t.status().name().equals("SENT"))
        .map(TouchRow::idempotencyKey).collect(Collectors.toSet());
    assertEquals(sentKeys, perKey.keySet());
  }

  private static List<String> kindsAndStatuses(List<TaskRow> tasks) {
    Function<TaskRow, String> describe = t -> t.kind() + "/" + t.status() + "/" + t.attempt();
    return tasks.stream().map(describe).toList();
  }
}
