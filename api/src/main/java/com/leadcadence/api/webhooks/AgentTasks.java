package com.leadcadence.api.webhooks;

import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.activities.notify.CallTaskNotice;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskKind;
import java.time.Clock;
import java.time.Instant;

/** Work a provider event creates for the lead's agent (unassigned leads: whoever is on duty), due now. */
public final class AgentTasks {
  private final TaskDao tasks;
  private final AgentNotifier notifier;
  private final Clock clock;

  public AgentTasks(TaskDao tasks, AgentNotifier notifier, Clock clock) {
    this.tasks = tasks;
    this.notifier = notifier;
    this.clock = clock;
  }

  /**
   * Creates the OPEN task and tells the agent; returns the task id. The note (stored on the task) may
   * quote the lead; the notice (logged by the default notifier) must not, so it is separate.
   */
  public long create(LeadRow lead, TaskKind kind, String note, String notice) {
    Instant now = clock.instant();
    long id = tasks.insertWithNote(new NewTask(lead.id(), lead.assignedAgentId(), null, kind, now, now), note);
    notifier.callTaskCreated(
        new CallTaskNotice(id, lead.id(), lead.dealershipId(), lead.assignedAgentId(), now, notice));
    return id;
  }
}
