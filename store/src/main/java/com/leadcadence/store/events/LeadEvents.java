package com.leadcadence.store.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.store.rows.LeadEventType;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.OutcomeRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbound webhooks' events, each with its small data object and the key of the change it reports
 * (recorded by {@link com.leadcadence.store.dao.LeadEventDao} in the change's own transaction).
 * Touch events are built in SQL from the touch row ({@code LeadEventDao.recordForTouch}).
 */
public final class LeadEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LeadEvents() {}

  public static NewLeadEvent created(LeadRow lead) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("grade", lead.grade() == null ? null : lead.grade().name());
    data.put("score", lead.score());
    data.put("assignedAgentId", lead.assignedAgentId());
    return new NewLeadEvent("lead:" + lead.id() + ":created", lead.id(), LeadEventType.LEAD_CREATED, json(data));
  }

  public static NewLeadEvent statusChanged(long leadId, LeadStatus from, LeadStatus to, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", from.name());
    data.put("to", to.name());
    return new NewLeadEvent("lead:" + leadId + ":status:" + from + ">" + to + "@" + at.toEpochMilli(), leadId,
        LeadEventType.LEAD_STATUS_CHANGED, json(data));
  }

  public static NewLeadEvent outcomeRecorded(OutcomeRow outcome) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("outcome", outcome.type().name());
    data.put("agentId", outcome.agentId());
    data.put("note", outcome.note());
    return new NewLeadEvent("outcome:" + outcome.id(), outcome.leadId(), LeadEventType.OUTCOME_RECORDED,
        json(data));
  }

  public static NewLeadEvent taskCreated(TaskRow task) {
    return new NewLeadEvent("task:" + task.id() + ":created", task.leadId(), LeadEventType.TASK_CREATED,
        json(taskData(task)));
  }

  public static NewLeadEvent taskCompleted(TaskRow task) {
    return new NewLeadEvent("task:" + task.id() + ":completed", task.leadId(), LeadEventType.TASK_COMPLETED,
        json(taskData(task)));
  }

  /** The data of optout.recorded (its key, per opt_outs row and lead, is made in SQL). */
  public static String optOutData(OptOutChannel channel, String source) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channel", channel.name());
    data.put("source", source);
    return json(data);
  }

  private static Map<String, Object> taskData(TaskRow task) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("taskId", task.id());
    data.put("kind", task.kind().name());
    data.put("status", task.status().name());
    data.put("agentId", task.agentId());
    data.put("dueAt", task.dueAt() == null ? null : task.dueAt().toString());
    data.put("outcome", task.outcome());
    return data;
  }

  private static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data cannot be written as JSON", e);
    }
  }
}
