package com.leadcadence.activities.notify;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import java.util.List;

/**
 * Tells people about work: an agent about a new call task, managers about a hot lead still waiting.
 * Called at least once per event (a retried activity may call again).
 */
public interface AgentNotifier {

  void callTaskCreated(CallTaskNotice notice);

  void managerAlert(ManagerAlert alert, List<AgentRow> managers);
}
