package com.leadcadence.api.cadences;

import com.leadcadence.store.rows.MigrationLeadRow;
import java.time.Instant;

/** What a migration did (or, dry, would do) to one lead: position is its last step, nextStepId where it goes on. */
public record MigrationLeadView(long leadId, String outcome, String position, String nextStepId, String reason,
    Instant recordedAt) {

  static MigrationLeadView of(MigrationLeadRow row) {
    return new MigrationLeadView(row.leadId(), row.outcome().name(), row.position(), row.nextStepId(), row.reason(),
        row.recordedAt());
  }
}
