package com.leadcadence.store.rows;

/** What a task_events row says; wire names as the stream sends them. */
public enum TaskEventType {
  TASK_CREATED("task.created"),
  TASK_UPDATED("task.updated"),
  TASK_OVERDUE("task.overdue"),
  LEAD_REPLIED("lead.replied");

  private final String wireName;

  TaskEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static TaskEventType fromWireName(String name) {
    for (TaskEventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown task event type " + name);
  }
}
