package com.leadcadence.api.webhooks;

import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.model.TaskDeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Work a provider event creates for the lead's agent (unassigned leads: whoever is on duty), due now.
 * The lead's workflow is told, so the task is escalated like any other when nobody takes it.
 */
public final class AgentTasks {
  private final TaskDao tasks;
  private final DealershipDao dealerships;
  private final AgentNotifier notifier;
  private final WorkflowSignals signals;
  private final Clock clock;

  public AgentTasks(TaskDao tasks, DealershipDao dealerships, AgentNotifier notifier, WorkflowSignals signals,
      Clock clock) {
    this.tasks = tasks;
    this.dealerships = dealerships;
    this.notifier = notifier;
    this.signals = signals;
    this.clock = clock;
  }

  /** Creates the OPEN task (the note may quote the lead), tells the agent and the workflow; returns its id. */
  public long create(LeadRow lead, TaskKind kind, String note) {
    Instant now = clock.instant();
    TaskRow task = tasks.create(NewTask.now(lead.dealershipId(), lead.id(), lead.assignedAgentId(), kind, note, now));
    notifier.taskAssigned(task, lead);
    Duration escalateAfter = dealerships.findById(lead.dealershipId()).orElseThrow().escalationDelay(lead.grade());
    signals.signal(lead, "trackTask", w -> w.trackTask(new TaskDeadline(task.id(), task.dueAt(), escalateAfter)));
    return task.id();
  }
}
