package com.leadcadence.store.testing;

import com.leadcadence.store.rows.NewLead;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.Timeframe;
import java.time.Instant;

/** Leads for tests: Jane Doe asking about a 2024 Toyota Camry, with the contact details given. */
public final class TestLeads {

  private TestLeads() {}

  public static NewLead jane(long dealershipId, String externalId, Long agentId) {
    return lead(dealershipId, externalId, "jane.doe@example.com", "+13125550123", agentId);
  }

  /** email or phone may be null; consent to SMS and voice is given when there is a phone. */
  public static NewLead lead(long dealershipId, String externalId, String email, String phone, Long agentId) {
    boolean consent = phone != null;
    return new NewLead(dealershipId, "website", externalId, "Jane", "Doe", email, phone, "America/Chicago",
        2024, "Toyota", "Camry", "XSE", null, "T1234", Timeframe.WITHIN_7_DAYS, "Is it still available?",
        consent, consent, consent ? "website-form" : null, consent ? Instant.parse("2025-03-03T14:00:00Z") : null,
        82, Grade.A, agentId);
  }
}
