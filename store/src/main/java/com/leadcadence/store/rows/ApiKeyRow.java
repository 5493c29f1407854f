package com.leadcadence.store.rows;

import java.time.Instant;

/** An API key of a dealership as it may be shown: never the key or its hash. revokedAt null: valid. */
public record ApiKeyRow(long id, long dealershipId, String label, Instant createdAt, Instant revokedAt) {}
