package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.Timeframe;
import java.time.Instant;

/** A lead as intake inserts it (status STARTING; times and workflow id are set later). */
public record NewLead(
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
    Long assignedAgentId) {}
