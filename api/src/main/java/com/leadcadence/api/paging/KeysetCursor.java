package com.leadcadence.api.paging;

import com.leadcadence.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The keyset position after a page's last item (its sort time and id), handed to clients as an opaque
 * cursor: base64url of "millis:id", or "millis:id:scope" when bound to the query that made it (then a
 * cursor replayed on another query or dealership is refused instead of silently paging something else).
 */
public record KeysetCursor(Instant at, long id) {

  /** The cursor text, bound to nothing. */
  public String encode() {
    return encode(null);
  }

  /** The cursor text, bound to scope (letters and digits; null for none). */
  public String encode(String scope) {
    String raw = at.toEpochMilli() + ":" + id + (scope == null ? "" : ":" + scope);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** null for no cursor; a 400 naming "cursor" for one this API did not hand out. */
  public static KeysetCursor decode(String cursor) {
    return decode(cursor, null);
  }

  /** As {@link #decode(String)}, and a 400 for a cursor handed out for another scope (query). */
  public static KeysetCursor decode(String cursor, String scope) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String[] parts;
    KeysetCursor position;
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      parts = raw.split(":", -1);
      if (parts.length != 2 && parts.length != 3) {
        throw new IllegalArgumentException(raw);
      }
      position = new KeysetCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this API gave out");
    }
    String boundTo = parts.length == 3 ? parts[2] : null;
    if (scope == null ? boundTo != null : !scope.equals(boundTo)) {
      throw ApiException.badRequest("cursor",
          "was given out for another query: send it with the same parameters as the page it came with");
    }
    return position;
  }
}
