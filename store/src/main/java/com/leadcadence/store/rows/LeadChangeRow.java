package com.leadcadence.store.rows;

import java.time.Instant;

/** A lead_changes row: a score, grade or pause change of a lead, and who or what made it. */
public record LeadChangeRow(
    long id, long leadId, LeadChangeKind kind, String fromValue, String toValue, String cause, String detail,
    Instant occurredAt) {}
