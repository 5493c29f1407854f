package com.leadcadence.activities;

import com.leadcadence.activities.agents.AgentAssigner;
import com.leadcadence.activities.agents.AgentRoster;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.metrics.ActivityMetrics;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.activities.EscalationResult;
import com.leadcadence.workflows.activities.OverdueResult;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TaskSlaRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched task's SLA steps against the store. Every change happens in one transaction with the task
 * row locked, and is stamped with the request's workflow time, so a retry finds its own work done and
 * neither moves the task again nor gives the managers a second set of ESCALATION tasks. Notifications
 * go out after the commit (at least once: a retry may repeat them).
 */
public final class TaskActivitiesImpl implements TaskActivities {
  private static final Logger log = LoggerFactory.getLogger(TaskActivitiesImpl.class);

  private final Jdbi jdbi;
  private final AgentNotifier notifier;
  private final ActivityMetrics metrics;

  /** jdbi must be configured with StoreJdbi.configure. */
  public TaskActivitiesImpl(Jdbi jdbi, AgentNotifier notifier, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.notifier = notifier;
    this.metrics = new ActivityMetrics(meters);
    metrics.declareTaskSlaBreaches();
  }

  @Override
  public OverdueResult markOverdue(TaskSlaRequest request) {
    try (LeadMdc ignored = LeadMdc.put(request.leadId(), request.workflowId())) {
      TaskDao tasks = SharedDaos.onDemand(jdbi, TaskDao.class);
      // Optional.empty() also for a retry that finds its own OVERDUE: the row's status tells the rest.
      tasks.markOverdue(request.taskId(), request.at()).ifPresent(t -> {
        metrics.taskSlaBreach(t.kind(), "overdue");
        log.info("Task {} ({}) overdue for agent {}", t.id(), t.kind(), t.agentId());
      });
      Optional<TaskRow> task = tasks.findById(request.taskId());
      if (task.isEmpty()) {
        log.warn("Task {} does not exist; no longer watched", request.taskId());
        return new OverdueResult(false);
      }
      return new OverdueResult(!task.get().status().isClosed());
    }
  }

  @Override
  public EscalationResult escalate(TaskSlaRequest request) {
    try (LeadMdc ignored = LeadMdc.put(request.leadId(), request.workflowId())) {
      Escalation escalation = jdbi.inTransaction(handle -> escalateLocked(handle, request));
      escalation.newlyEscalated().ifPresent(kind -> metrics.taskSlaBreach(kind, "escalated"));
      if (escalation.notified().isEmpty()) {
        return escalation.result();
      }
      LeadRow lead = SharedDaos.onDemand(jdbi, LeadDao.class).findById(request.leadId()).orElseThrow();
      escalation.notified().forEach(task -> notifier.taskAssigned(task, lead));
      return escalation.result();
    }
  }

  /**
   * The result, the tasks whose agents hear of it (the moved task, then the managers' tasks), and the
   * escalated task's kind when this call escalated it (not a retry that finds its own work done).
   */
  private record Escalation(EscalationResult result, List<TaskRow> notified, Optional<TaskKind> newlyEscalated) {
    static Escalation none() {
      return new Escalation(EscalationResult.notEscalated(), List.of(), Optional.empty());
    }
  }

  private Escalation escalateLocked(Handle handle, TaskSlaRequest request) {
    TaskDao tasks = SharedDaos.on(handle, TaskDao.class);
    Optional<TaskRow> locked = tasks.lockById(request.taskId());
    if (locked.isEmpty() || locked.get().status().isClosed()) {
      log.info("Task {} is closed or unknown: not escalated", request.taskId());
      return Escalation.none();
    }
    TaskRow task = locked.get();
    Instant at = request.at().truncatedTo(ChronoUnit.MILLIS);
    if (task.escalatedAt() != null) {
      return task.escalatedAt().equals(at) ? sameEscalationAgain(tasks, task) : Escalation.none();
    }
    if (tasks.markEscalated(task.id(), at) == 0) {
      return Escalation.none();
    }
    List<TaskRow> notified = new ArrayList<>();
    AgentDao agents = SharedDaos.on(handle, AgentDao.class);
    DealershipRow dealership = SharedDaos.on(handle, DealershipDao.class).findById(task.dealershipId()).orElseThrow();
    Duration late = task.dueAt() == null ? Duration.ZERO : Duration.between(task.dueAt(), at);
    String why = late.toMinutes() + " min past due";
    // Nobody else available (or only one agent): the task stays with its agent, the managers still hear.
    Optional<AgentRoster.Pick> pick = AgentAssigner.assign(agents, dealership, at, task.agentId());
    Optional<TaskRow> moved = pick.flatMap(p -> tasks.reassign(task.id(), p.agent().id(), "escalated, " + why));
    moved.ifPresent(notified::add);
    Long agentAfter = moved.map(TaskRow::agentId).orElse(task.agentId());
    List<AgentRow> managers = agents.listActive(task.dealershipId(), AgentRole.MANAGER);
    String note = task.kind() + " task " + task.id() + " for agent " + task.agentId() + " is " + why
        + (moved.isPresent() ? "; moved to agent " + agentAfter : "; nobody else could take it");
    for (AgentRow manager : managers) {
      notified.add(tasks.create(NewTask.escalation(task, manager.id(), note, at)));
    }
    log.info("Task {} escalated: {}; {} manager(s) told", task.id(), note, managers.size());
    return new Escalation(new EscalationResult(true, agentAfter, managers.size()), notified, Optional.of(task.kind()));
  }

  /**
   * A retry of the request that escalated the task (same workflow time): report what it did, write
   * nothing, and notify again (the first attempt may have died before its notifications went out).
   */
  private static Escalation sameEscalationAgain(TaskDao tasks, TaskRow task) {
    List<TaskRow> managersTasks = tasks.listByLead(task.leadId()).stream()
        .filter(t -> t.kind() == TaskKind.ESCALATION && Objects.equals(t.escalatedTaskId(), task.id()))
        .toList();
    List<TaskRow> notified = new ArrayList<>();
    notified.add(task);
    notified.addAll(managersTasks);
    return new Escalation(new EscalationResult(true, task.agentId(), managersTasks.size()), notified,
        Optional.empty());
  }
}
