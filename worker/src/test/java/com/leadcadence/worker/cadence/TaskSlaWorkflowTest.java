package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TaskEventDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskEventRow;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.TaskDeadline;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Call task SLAs kept by the lead's workflow: a task not done by its due time becomes OVERDUE, and after
 * the grade's escalation delay (grade A: 10 minutes) it moves to another agent and every manager gets
 * an ESCALATION task. The demo dealership has two agents and one manager.
 */
class TaskSlaWorkflowTest {
  /** Tuesday 2026-11-24, 11:00 in Chicago: the dealership (MON-SAT 09:00-20:00) is open all along. */
  private static final Instant TUESDAY_11AM = chicago("2026-11-24T11:00");
  private static final int GRADE_A = 90;
  private static final int GRADE_B = 60;

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

  private CadenceHarness harness() {
    harness = new CadenceHarness(db, TUESDAY_11AM);
    return harness;
  }

  @Test
  void anUnworkedCallTaskIsOverdueAtItsDueTimeAndEscalatedTenMinutesLater() {
    CadenceHarness h = harness();
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    long first = h.firstAgentId();

    h.env.sleep(Duration.ofMinutes(4));
    TaskRow call = callTask(h, input.leadId());
    assertEquals(first, call.agentId());
    assertEquals(TaskStatus.OPEN, call.status());
    assertAbout(TUESDAY_11AM.plus(Duration.ofMinutes(5)), call.dueAt());

    h.env.sleep(Duration.ofMinutes(2));
    call = callTask(h, input.leadId());
    assertEquals(TaskStatus.OVERDUE, call.status());
    assertAbout(call.dueAt(), call.overdueAt());
    assertNull(call.escalatedAt());

    h.env.sleep(Duration.ofMinutes(8));
    assertEquals(first, callTask(h, input.leadId()).agentId(), "not escalated before 10 minutes past due");
    assertEquals(0, workflow.state().escalations());

    h.env.sleep(Duration.ofMinutes(2));
    TaskRow moved = callTask(h, input.leadId());
    long other = otherAgent(h, first).id();
    assertEquals(other, moved.agentId(), "moved to the other agent");
    assertEquals(TaskStatus.OVERDUE, moved.status(), "still to do, now by someone else");
    assertAbout(moved.dueAt().plus(Duration.ofMinutes(10)), moved.escalatedAt());
    List<TaskRow> escalations = escalationsOf(h, input.leadId());
    assertEquals(managers(h).stream().map(AgentRow::id).toList(),
        escalations.stream().map(TaskRow::agentId).toList(), "one ESCALATION task per manager");
    assertEquals(moved.id(), escalations.get(0).escalatedTaskId());

    LeadState state = workflow.state();
    assertEquals(1, state.escalations());
    assertEquals(moved.id(), state.lastEscalatedTaskId());
    assertEquals(other, state.assignedAgentId(), "the lead follows its task");
    assertEquals(other, h.db.jdbi().onDemand(LeadDao.class).findById(input.leadId()).orElseThrow().assignedAgentId());
    assertTrue(h.assignedTasks.stream().anyMatch(t -> t.id() == escalations.get(0).id()), "the manager heard");
    assertTrue(h.assignedTasks.stream().anyMatch(t -> t.id() == moved.id() && t.agentId() == other),
        "the new agent heard");

    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, other, "reached"));
    WorkflowExecutionHistory history = h.client.fetchHistory(WorkflowIds.forLead(input.leadId()));
    assertTrue(history.getEvents().stream().anyMatch(e -> e.getEventType()
            == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Escalate")),
        "an engineer sees the escalation by name in the history");
    assertReplays(h, input);
  }

  @Test
  void aTaskDoneBeforeItsDueTimeIsNeverOverdueNorEscalated() {
    CadenceHarness h = harness();
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(3));
    TaskRow call = callTask(h, input.leadId());
    // The agent closes it from the task list (the API claims it in the store first).
    h.db.jdbi().onDemand(TaskDao.class).complete(call.id(), "LEFT_VOICEMAIL", "left a message", h.now());

    h.env.sleep(Duration.ofMinutes(30));
    call = callTask(h, input.leadId());
    assertEquals(TaskStatus.DONE, call.status());
    assertNull(call.overdueAt());
    assertNull(call.escalatedAt());
    assertEquals(h.firstAgentId(), call.agentId());
    assertTrue(escalationsOf(h, input.leadId()).isEmpty());
    assertEquals(0, workflow.state().escalations());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
  }

  @Test
  void aTaskTrackedBySignalIsEscalatedToo() {
    CadenceHarness h = harness();
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(1));
    long first = h.firstAgentId();
    // As the API does for an inbound "call me now": a task due at once, then the signal.
    TaskRow callBack = h.db.jdbi().onDemand(TaskDao.class).create(NewTask.now(h.dealershipId, input.leadId(), first,
        TaskKind.CALL_BACK_NOW, "asked to be called back", h.now()));
    workflow.trackTask(new TaskDeadline(callBack.id(), callBack.dueAt(), Duration.ofMinutes(10)));

    h.env.sleep(Duration.ofMinutes(1));
    assertEquals(TaskStatus.OVERDUE, task(h, callBack.id()).status());
    h.env.sleep(Duration.ofMinutes(10));

    TaskRow escalated = task(h, callBack.id());
    assertNotNull(escalated.escalatedAt());
    assertEquals(otherAgent(h, first).id(), escalated.agentId());
    assertEquals(List.of(callBack.id()), escalationsOf(h, input.leadId()).stream()
        .map(TaskRow::escalatedTaskId).toList(), "only the tracked task: the call task has 30 minutes (grade B)");
    assertEquals(1, workflow.state().escalations());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    assertReplays(h, input);
  }

  @Test
  void aWorkerRestartInTheMiddleOfAnSlaEscalatesExactlyOnce() throws Exception {
    harness = CadenceHarness.restartable(db, TUESDAY_11AM);
    CadenceHarness h = harness;
    LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_A, Set.of());
    LeadCadenceWorkflow workflow = h.start(input);
    h.env.sleep(Duration.ofMinutes(3));
    TaskRow call = callTask(h, input.leadId());

    h.restartWorker();
    h.env.sleep(Duration.ofMinutes(4));
    assertEquals(TaskStatus.OVERDUE, task(h, call.id()).status(), "the new worker kept the due time");
    h.restartWorker();
    h.env.sleep(Duration.ofMinutes(30));

    assertEquals(managers(h).size(), escalationsOf(h, input.leadId()).size(), "one ESCALATION task per manager");
    List<TaskEventRow> reassignments = h.db.jdbi().onDemand(TaskEventDao.class)
        .since(h.dealershipId, null, 0, 10_000).stream()
        .filter(e -> e.taskId() != null && e.taskId() == call.id())
        .filter(e -> e.detail() != null && e.detail().startsWith("reassigned"))
        .toList();
    assertEquals(1, reassignments.size(), "one reassignment event");
    assertEquals(h.firstAgentId(), reassignments.get(0).previousAgentId());
    assertEquals(1, workflow.state().escalations());
    workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    assertReplays(h, input);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static TaskRow callTask(CadenceHarness h, long leadId) {
    return h.tasks(leadId).stream().filter(t -> t.kind() == TaskKind.CALL).findFirst().orElseThrow();
  }

  private static TaskRow task(CadenceHarness h, long taskId) {
    return h.db.jdbi().onDemand(TaskDao.class).findById(taskId).orElseThrow();
  }

  private static List<TaskRow> escalationsOf(CadenceHarness h, long leadId) {
    return h.tasks(leadId).stream().filter(t -> t.kind() == TaskKind.ESCALATION).toList();
  }

  private static List<AgentRow> managers(CadenceHarness h) {
    return h.db.jdbi().onDemand(AgentDao.class).listActive(h.dealershipId, AgentRole.MANAGER);
  }

  private static AgentRow otherAgent(CadenceHarness h, long agentId) {
    List<AgentRow> others = h.db.jdbi().onDemand(AgentDao.class).listActive(h.dealershipId, AgentRole.AGENT)
        .stream().filter(a -> a.id() != agentId).toList();
    assertEquals(1, others.size());
    assertNotEquals(agentId, others.get(0).id());
    return others.get(0);
  }

  private static void assertReplays(CadenceHarness h, LeadCadenceInput input) {
    try {
      WorkflowReplayer.replayWorkflowExecution(
          h.client.fetchHistory(WorkflowIds.forLead(input.leadId())), LeadCadenceWorkflowImpl.class);
    } catch (Exception e) {
      throw new AssertionError("the history does not replay", e);
    }
  }

  /** Workflow time runs a few milliseconds past a timer's due time. */
  private static void assertAbout(Instant expected, Instant actual) {
    assertNotNull(actual);
    assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofSeconds(2)) < 0,
        "expected about " + expected + " but was " + actual);
  }
}
