package com.leadcadence.store.rows;

/** Where a plan migration stands: RUNNING until its workflow went through every lead (DONE) or never started (FAILED). */
public enum MigrationStatus {
  RUNNING,
  DONE,
  FAILED
}
