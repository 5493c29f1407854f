package com.leadcadence.store.rows;

/** What a lead_changes row records. */
public enum LeadChangeKind {
  SCORE,
  GRADE,
  PAUSED,
  RESUMED
}
