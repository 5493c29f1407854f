package com.leadcadence.api.tasks;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.rows.TaskRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The keyset position after a task in due order: its due time and id, opaque to clients. */
record TaskCursor(Instant dueAt, long id) {

  static TaskCursor after(TaskRow task) {
    return new TaskCursor(task.dueAt(), task.id());
  }

  String encode() {
    String raw = dueAt.toEpochMilli() + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** null for no cursor; a 400 naming "cursor" for one we did not hand out. */
  static TaskCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException(raw);
      }
      return new TaskCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this API gave out");
    }
  }
}
