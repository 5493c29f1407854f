package com.leadcadence.api.reports;

import com.leadcadence.store.rows.AtRiskLead;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** GET /v1/reports/at-risk: running leads nobody reached whose first-call deadline has passed. */
public record AtRiskReport(List<Item> items) {

  /** name: first name and last initial, as a manager's screen may show it. */
  public record Item(long leadId, String name, String grade, String source, Long agentId, String agentName,
      Instant receivedAt, Instant slaDueAt, long minutesOverdue) {

    static Item of(AtRiskLead lead, Instant now) {
      return new Item(lead.leadId(), shortName(lead.firstName(), lead.lastName()), lead.grade(), lead.source(),
          lead.agentId(), lead.agentName(), lead.receivedAt(), lead.slaDueAt(),
          Duration.between(lead.slaDueAt(), now).toMinutes());
    }
  }

  static String shortName(String first, String last) {
    String initial = last == null || last.isBlank() ? "" : " " + last.strip().charAt(0) + ".";
    return (first == null ? "" : first.strip()) + initial;
  }
}
