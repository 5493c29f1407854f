package com.leadcadence.store.rows;

import java.time.Instant;

/** A lead_events row: one change of a lead, for the outbound webhooks. data is a JSON object. */
public record LeadEventRow(
    long id,
    String eventKey,
    long dealershipId,
    long leadId,
    String source,
    String externalId,
    String type,
    String data,
    Instant occurredAt,
    Instant dispatchedAt) {}
