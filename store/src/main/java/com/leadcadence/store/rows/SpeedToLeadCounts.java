package com.leadcadence.store.rows;

/**
 * Leads of a period by the time from receipt to their first attempt: each bucket holds the leads whose
 * first attempt came after the previous bucket's bound and at most at its own (inclusive, in ms).
 */
public record SpeedToLeadCounts(
    long leads,
    long notYetAttempted,
    long upTo1Min,
    long upTo5Min,
    long upTo15Min,
    long upTo1Hour,
    long upTo1Day,
    long beyond1Day,
    Long medianMs,
    Long p90Ms) {}
