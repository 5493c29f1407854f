package com.leadcadence.store.rows;

/** tasks.kind: call the lead, or answer the lead's reply. */
public enum TaskKind {
  CALL,
  LEAD_REPLIED
}
