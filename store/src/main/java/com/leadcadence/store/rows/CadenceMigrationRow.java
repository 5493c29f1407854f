package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * A cadence_migrations row: one migration (or dry run) of a dealership's running leads from one version of
 * a plan to another, with its counts so far. total: the running leads on fromVersion when it was created.
 */
public record CadenceMigrationRow(
    long id,
    long dealershipId,
    String planName,
    int fromVersion,
    int toVersion,
    boolean dryRun,
    MigrationStatus status,
    int total,
    int switched,
    int noCounterpart,
    int already,
    int notRunning,
    int failed,
    String error,
    String workflowId,
    Instant createdAt,
    Instant finishedAt) {

  /** Leads the migration has been through so far. */
  public int processed() {
    return switched + noCounterpart + already + notRunning + failed;
  }
}
