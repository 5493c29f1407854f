package com.leadcadence.api.intake;

import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import java.time.Instant;

/** Lead rows for the pure intake rules. */
final class CadenceInputsFixtures {
  private CadenceInputsFixtures() {}

  static LeadRow row(String email, String phone, boolean consentSms, boolean consentVoice) {
    Instant t = Instant.parse("2025-03-04T15:00:00Z");
    return new LeadRow(1, 1, "website", "x-1", "Jane", "Doe", email, phone, "America/Chicago", null, null,
        null, null, null, null, null, null, consentSms, consentVoice, null, null, 80, Grade.A,
        LeadStatus.STARTING, null, "lead-1", t, t, null, null, null, null);
  }
}
