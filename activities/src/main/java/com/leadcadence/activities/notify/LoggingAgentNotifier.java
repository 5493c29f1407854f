package com.leadcadence.activities.notify;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per notification (no names, numbers or addresses): for tests and the worker-only tools. */
public final class LoggingAgentNotifier implements AgentNotifier {
  private static final Logger log = LoggerFactory.getLogger(LoggingAgentNotifier.class);

  @Override
  public void taskAssigned(TaskRow task, LeadRow lead) {
    log.info("{} task {} for agent {} on lead {} due {}", task.kind(), task.id(), task.agentId(), lead.id(),
        task.dueAt());
  }

  @Override
  public void managerAlert(ManagerAlert alert, List<AgentRow> managers) {
    log.warn("Manager alert for lead {} to {}: {}",
        alert.leadId(), managers.stream().map(AgentRow::id).toList(), alert.reason());
  }
}
