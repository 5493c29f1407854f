package com.leadcadence.store.rows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What happened to a lead, as the outbound webhooks name it (lead_events.type). */
public enum LeadEventType {
  LEAD_CREATED("lead.created"),
  LEAD_STATUS_CHANGED("lead.status_changed"),
  TOUCH_SENT("touch.sent"),
  TOUCH_FAILED("touch.failed"),
  TASK_CREATED("task.created"),
  TASK_COMPLETED("task.completed"),
  OUTCOME_RECORDED("outcome.recorded"),
  OPTOUT_RECORDED("optout.recorded");

  private final String wireName;

  LeadEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<LeadEventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(LeadEventType::wireName).toList();
  }
}
