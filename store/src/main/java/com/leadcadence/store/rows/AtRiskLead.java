package com.leadcadence.store.rows;

import java.time.Instant;

/** A running lead nobody has reached yet whose first-call deadline has passed. */
public record AtRiskLead(
    long leadId,
    String firstName,
    String lastName,
    String grade,
    String source,
    Long agentId,
    String agentName,
    Instant receivedAt,
    Instant slaDueAt) {}
