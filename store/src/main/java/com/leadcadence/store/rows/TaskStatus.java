package com.leadcadence.store.rows;

import java.util.List;

/** tasks.status. OPEN and OVERDUE are still to do; DONE and CANCELLED are closed. */
public enum TaskStatus {
  OPEN,
  OVERDUE,
  DONE,
  CANCELLED;

  public static final List<TaskStatus> TO_DO = List.of(OPEN, OVERDUE);

  public boolean isClosed() {
    return this == DONE || this == CANCELLED;
  }
}
