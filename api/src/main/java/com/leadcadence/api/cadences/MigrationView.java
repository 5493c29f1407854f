package com.leadcadence.api.cadences;

import com.leadcadence.store.rows.CadenceMigrationRow;
import java.time.Instant;
import java.util.List;

/**
 * A plan migration and its progress: total (the running leads on fromVersion when it started), processed
 * so far, the counts per outcome, and one page of its per-lead results (items, nextCursor).
 */
public record MigrationView(
    long id,
    String plan,
    int fromVersion,
    int toVersion,
    boolean dryRun,
    String status,
    int total,
    int processed,
    Counts counts,
    String error,
    Instant createdAt,
    Instant finishedAt,
    List<MigrationLeadView> items,
    String nextCursor) {

  public record Counts(int switched, int noCounterpart, int alreadyOnIt, int notRunning, int failed) {}

  static MigrationView of(CadenceMigrationRow row, List<MigrationLeadView> items, String nextCursor) {
    return new MigrationView(row.id(), row.planName(), row.fromVersion(), row.toVersion(), row.dryRun(),
        row.status().name(), row.total(), row.processed(),
        new Counts(row.switched(), row.noCounterpart(), row.already(), row.notRunning(), row.failed()),
        row.error(), row.createdAt(), row.finishedAt(), items, nextCursor);
  }
}
