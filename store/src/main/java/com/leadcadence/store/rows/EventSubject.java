package com.leadcadence.store.rows;

/** An event about to be recorded: its key, its lead (dealership, source, external id) and its data. */
public record EventSubject(String eventKey, long leadId, long dealershipId, String source, String externalId,
    String data) {}
