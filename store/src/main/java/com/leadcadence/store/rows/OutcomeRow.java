package com.leadcadence.store.rows;

import com.leadcadence.workflows.model.OutcomeType;
import java.time.Instant;

/** A lead_outcomes row. */
public record OutcomeRow(
    long id, long leadId, String outcomeKey, OutcomeType type, Long agentId, String note, Instant recordedAt) {}
