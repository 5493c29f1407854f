package com.leadcadence.worker.simulation;

import java.time.Instant;
import java.time.ZoneId;

/** One simulated lead: when it arrives, where it lives, how it can be reached, and its score. */
public record SimulatedLead(
    long id, Instant receivedAt, ZoneId zone, String source, int score, boolean hasEmail, boolean hasPhone,
    boolean smsConsent) {}
