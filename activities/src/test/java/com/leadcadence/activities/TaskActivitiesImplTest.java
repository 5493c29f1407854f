package com.leadcadence.activities;

import static com.leadcadence.activities.ActivitiesTestSupport.T0;
import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.metrics.ActivityMetrics;
import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TaskEventDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.EscalationResult;
import com.leadcadence.workflows.activities.TaskSlaRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SLA activities against MariaDB: the demo dealership has two agents and one manager. */
class TaskActivitiesImplTest {
  /** Monday 11:00 in Chicago: both agents are on shift. */
  private static final Instant DUE = T0.plus(Duration.ofHours(2));
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static List<AgentRow> agents;
  private static List<AgentRow> managers;

  private final RecordingAgentNotifier notifier = new RecordingAgentNotifier();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TaskActivitiesImpl activities = new TaskActivitiesImpl(jdbi, notifier, meters);

  private double breaches(String stage) {
    return meters.get(ActivityMetrics.TASK_SLA_BREACHES).tags("kind", "call_back_now", "stage", stage).counter().count();
  }

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agents = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT);
    managers = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.MANAGER);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private TaskRow newCallBack(String externalId) {
    long leadId = newLead(jdbi, dealershipId, externalId, "lead@example.com", "+13125550187", agents.get(0).id());
    return jdbi.onDemand(TaskDao.class).create(NewTask.now(dealershipId, leadId, agents.get(0).id(),
        TaskKind.CALL_BACK_NOW, "call me back", DUE));
  }

  private static TaskSlaRequest request(TaskRow task, Instant at) {
    return new TaskSlaRequest(task.leadId(), dealershipId, WorkflowIds.forLead(task.leadId()), task.id(), at);
  }

  private static TaskRow reread(TaskRow task) {
    return jdbi.onDemand(TaskDao.class).findById(task.id()).orElseThrow();
  }

  private static List<TaskRow> escalationTasks(TaskRow task) {
    return jdbi.onDemand(TaskDao.class).listByLead(task.leadId()).stream()
        .filter(t -> t.kind() == TaskKind.ESCALATION).toList();
  }

  private static long reassignments(TaskRow task) {
    return jdbi.onDemand(TaskEventDao.class).since(dealershipId, null, 0, 10_000).stream()
        .filter(e -> e.taskId() != null && e.taskId() == task.id())
        .filter(e -> e.detail() != null && e.detail().startsWith("reassigned"))
        .count();
  }

  @Test
  void anOpenTaskBecomesOverdueOnceAndADoneOneIsNoLongerToDo() {
    TaskRow task = newCallBack("sla-overdue");
    assertTrue(activities.markOverdue(request(task, DUE)).stillToDo());
    assertTrue(activities.markOverdue(request(task, DUE)).stillToDo(), "a retry: still to do, same stamp");
    assertEquals(TaskStatus.OVERDUE, reread(task).status());
    assertEquals(DUE, reread(task).overdueAt());
    assertEquals(1.0, breaches("overdue"), "one breach, not one per retry");

    TaskRow done = newCallBack("sla-done");
    jdbi.onDemand(TaskDao.class).complete(done.id(), "CONTACTED", null, DUE.minusSeconds(60));
    assertFalse(activities.markOverdue(request(done, DUE)).stillToDo());
    assertNull(reread(done).overdueAt());
  }

  @Test
  void escalatingTwiceMovesTheTaskAndTellsTheManagersOnlyOnce() {
    TaskRow task = newCallBack("sla-escalate");
    activities.markOverdue(request(task, DUE));
    Instant escalateAt = DUE.plus(Duration.ofMinutes(10));

    EscalationResult first = activities.escalate(request(task, escalateAt));
    assertTrue(first.escalated());
    assertEquals(agents.get(1).id(), first.newAgentId(), "the other agent");
    assertEquals(managers.size(), first.managersTold());
    TaskRow moved = reread(task);
    assertEquals(agents.get(1).id(), moved.agentId());
    assertEquals(escalateAt, moved.escalatedAt());
    List<TaskRow> escalations = escalationTasks(task);
    assertEquals(managers.stream().map(AgentRow::id).toList(), escalations.stream().map(TaskRow::agentId).toList());
    assertTrue(escalations.stream().allMatch(t -> t.escalatedTaskId() == task.id()));
    assertEquals(1 + managers.size(), notifier.tasks.size(), "the new agent and each manager heard");

    // A retry of the same request (its reply was lost): the same answer, nothing written again.
    EscalationResult retried = activities.escalate(request(task, escalateAt));
    assertEquals(first, retried);
    // A later, separate request: not escalated again.
    EscalationResult second = activities.escalate(request(task, escalateAt.plus(Duration.ofMinutes(5))));
    assertFalse(second.escalated());

    assertEquals(escalations, escalationTasks(task), "no second set of ESCALATION tasks");
    assertEquals(1, reassignments(task), "one reassignment event");
    assertEquals(agents.get(1).id(), reread(task).agentId());
    assertEquals(1.0, breaches("escalated"), "one escalation counted, not the retry");
  }

  @Test
  void aClosedTaskIsNotEscalated() {
    TaskRow task = newCallBack("sla-closed");
    jdbi.onDemand(TaskDao.class).complete(task.id(), "CONTACTED", null, DUE);
    EscalationResult result = activities.escalate(request(task, DUE.plus(Duration.ofMinutes(10))));
    assertFalse(result.escalated());
    assertTrue(escalationTasks(task).isEmpty());
    assertNull(reread(task).escalatedAt());
    assertEquals(agents.get(0).id(), reread(task).agentId());
  }
}
