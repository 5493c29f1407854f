package com.leadcadence.api.admin;

import com.leadcadence.store.rows.ApiKeyRow;
import java.time.Instant;

/** An API key as listed: never the key. revokedAt null: the key works. */
public record ApiKeyView(long id, String label, Instant createdAt, Instant revokedAt) {
  static ApiKeyView of(ApiKeyRow row) {
    return new ApiKeyView(row.id(), row.label(), row.createdAt(), row.revokedAt());
  }
}
