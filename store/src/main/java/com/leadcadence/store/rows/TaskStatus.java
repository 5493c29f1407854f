package com.leadcadence.store.rows;

/** tasks.status. */
public enum TaskStatus {
  OPEN,
  DONE,
  CANCELLED
}
