package com.leadcadence.store.rows;

import java.time.Instant;

/** A provider_events row: one webhook event, stored once per (provider, provider's event id). */
public record ProviderEventRow(
    long id, String provider, String eventId, String eventType, Long leadId, String payload, Instant receivedAt) {}
