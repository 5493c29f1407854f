package com.leadcadence.activities.notify;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import java.util.List;

/**
 * Tells people about work beyond the task stream (which every task change reaches through task_events):
 * an agent about a task that became theirs, managers about a lead that is slipping. Called at least once
 * per event (a retried activity may call again); implementations must not throw for a failed send.
 */
public interface AgentNotifier {

  /** A task was created for, or moved to, task.agentId() (a manager for an ESCALATION task). */
  void taskAssigned(TaskRow task, LeadRow lead);

  /** Managers: a hot lead still uncontacted, a lead given to an agent who is not on shift. */
  void managerAlert(ManagerAlert alert, List<AgentRow> managers);
}
