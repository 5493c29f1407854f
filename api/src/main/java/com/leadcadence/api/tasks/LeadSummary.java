package com.leadcadence.api.tasks;

import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import java.util.Set;

/**
 * What an agent needs to know about a task's lead at a glance. localTime is the lead's clock now
 * (a span like "09:05-12:05" when only the country's zones are known); channels are those the lead can
 * still be reached on (address known, consent given, not opted out).
 */
public record LeadSummary(
    long id,
    String name,
    String firstName,
    String lastName,
    String vehicle,
    Grade grade,
    int score,
    String timeZone,
    String localTime,
    String phone,
    String email,
    Set<Channel> channels,
    String status) {

  static LeadSummary of(LeadRow lead, String localTime, Set<Channel> channels) {
    return new LeadSummary(lead.id(), lead.firstName() + " " + lead.lastName(), lead.firstName(), lead.lastName(),
        lead.vehicle().describe(), lead.grade(), lead.score(), lead.timeZone(), localTime, lead.phone(),
        lead.email(), channels, lead.status().name());
  }
}
