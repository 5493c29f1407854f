package com.leadcadence.activities.notify;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fake at the notification edge: keeps what would have been sent to agents and managers. */
public final class RecordingAgentNotifier implements AgentNotifier {
  public final List<TaskRow> tasks = new CopyOnWriteArrayList<>();
  public final List<ManagerAlert> alerts = new CopyOnWriteArrayList<>();
  public final List<List<AgentRow>> alertedManagers = new CopyOnWriteArrayList<>();

  @Override
  public void taskAssigned(TaskRow task, LeadRow lead) {
    tasks.add(task);
  }

  @Override
  public void managerAlert(ManagerAlert alert, List<AgentRow> managers) {
    alerts.add(alert);
    alertedManagers.add(managers);
  }
}
