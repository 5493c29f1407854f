package com.leadcadence.store.rows;

/**
 * One lead's result in a plan migration: the lead workflow's own answer (SWITCHED, NO_COUNTERPART,
 * ALREADY_ON_IT, NOT_RUNNING; in a dry run what it would be), or FAILED when its workflow could not be
 * asked (rejected, or no answer after the retries).
 */
public enum MigrationOutcome {
  SWITCHED,
  NO_COUNTERPART,
  ALREADY_ON_IT,
  NOT_RUNNING,
  FAILED
}
