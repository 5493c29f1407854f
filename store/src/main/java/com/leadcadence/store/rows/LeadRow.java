package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Timeframe;
import com.leadcadence.workflows.model.Vehicle;
import java.time.Instant;

/** A leads row, every column. */
public record LeadRow(
    long id,
    long dealershipId,
    String source,
    String externalId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String timeZone,
    Integer vehicleYear,
    String vehicleMake,
    String vehicleModel,
    String vehicleTrim,
    String vehicleVin,
    String vehicleStockNumber,
    Timeframe timeframe,
    String comments,
    boolean consentSms,
    boolean consentVoice,
    String consentSource,
    Instant consentAt,
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
    /** The original lead this one repeats (status DUPLICATE, no workflow); null for any other lead. */
    Long duplicateOf) {

  public LeadContact contact() {
    return new LeadContact(firstName, lastName, email, phone, timeZone);
  }

  /** The same row with another status (what an update of the status alone leaves behind). */
  public LeadRow withStatus(LeadStatus newStatus) {
    return new LeadRow(id, dealershipId, source, externalId, firstName, lastName, email, phone, timeZone,
        vehicleYear, vehicleMake, vehicleModel, vehicleTrim, vehicleVin, vehicleStockNumber, timeframe, comments,
        consentSms, consentVoice, consentSource, consentAt, score, grade, newStatus, assignedAgentId, workflowId,
        createdAt, updatedAt, firstResponseAt, firstContactAt, closedAt, duplicateOf);
  }

  public Vehicle vehicle() {
    return new Vehicle(vehicleYear, vehicleMake, vehicleModel, vehicleTrim, vehicleVin, vehicleStockNumber);
  }
}
