package com.leadcadence.api.outboundwebhooks;

import com.leadcadence.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The keyset position of a deliveries page (below a delivery id), opaque to clients. */
final class DeliveryCursor {
  private static final String PREFIX = "delivery:";

  private DeliveryCursor() {}

  static String encode(long lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The id to page below: Long.MAX_VALUE without a cursor; 400 naming "cursor" for one we did not hand out. */
  static long decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Long.MAX_VALUE;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw new IllegalArgumentException(raw);
      }
      return Long.parseLong(raw.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this API gave out");
    }
  }
}
