package com.leadcadence.activities.notify;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per notification; the stand-in until agents get push/SMS/email notifications. */
public final class LoggingAgentNotifier implements AgentNotifier {
  private static final Logger log = LoggerFactory.getLogger(LoggingAgentNotifier.class);

  @Override
  public void callTaskCreated(CallTaskNotice notice) {
    log.info("Call task {} for agent {} on lead {} due {}: {}",
        notice.taskId(), notice.agentId(), notice.leadId(), notice.dueAt(), notice.text());
  }

  @Override
  public void managerAlert(ManagerAlert alert, List<AgentRow> managers) {
    log.warn("Manager alert for lead {} to {}: {}",
        alert.leadId(), managers.stream().map(AgentRow::name).toList(), alert.reason());
  }
}
