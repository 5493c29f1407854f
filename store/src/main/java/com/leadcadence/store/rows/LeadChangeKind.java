package com.leadcadence.store.rows;

/** What a lead_changes row records. */
public enum LeadChangeKind {
  SCORE,
  GRADE,
  PAUSED,
  RESUMED,
  /** A move to another plan or plan version (a migration, a grade change): "standard v1" to "hot v1". */
  PLAN
}
