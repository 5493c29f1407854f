package com.leadcadence.api.representations;

import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Timeframe;
import com.leadcadence.workflows.model.Vehicle;
import java.time.Instant;

/** A lead's row for its own dealership. */
public record LeadDetails(
    long id,
    String source,
    String externalId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String timezone,
    Vehicle vehicle,
    Timeframe timeframe,
    String comments,
    ConsentView consent,
    int score,
    Grade grade,
    LeadStatus status,
    Long assignedAgentId,
    String workflowId,
    Instant createdAt,
    Instant updatedAt,
    Instant firstResponseAt,
    Instant firstContactAt,
    Instant closedAt,
    /** For a DUPLICATE: the open lead it repeats, whose cadence heard of it; null otherwise. */
    Long duplicateOf) {

  public record ConsentView(boolean sms, boolean voice, String source, Instant at) {}

  public static LeadDetails of(LeadRow row) {
    return new LeadDetails(row.id(), row.source(), row.externalId(), row.firstName(), row.lastName(),
        row.email(), row.phone(), row.timeZone(), row.vehicle(), row.timeframe(), row.comments(),
        new ConsentView(row.consentSms(), row.consentVoice(), row.consentSource(), row.consentAt()),
        row.score(), row.grade(), row.status(), row.assignedAgentId(), row.workflowId(), row.createdAt(),
        row.updatedAt(), row.firstResponseAt(), row.firstContactAt(), row.closedAt(), row.duplicateOf());
  }
}
