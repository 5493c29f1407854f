package com.leadcadence.api.history;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a lead's history starts: the run, the first event id not yet shown, and the
 * Temporal page token to ask with (empty: from the run's start). Sent to clients as an opaque token.
 */
record HistoryPosition(String runId, long nextEventId, ByteString temporalToken) {
  private static final String VERSION = "h1";

  static HistoryPosition startOf(String runId) {
    return new HistoryPosition(runId, 1, ByteString.EMPTY);
  }

  String encode() {
    String plain = String.join("|", VERSION, runId, Long.toString(nextEventId),
        Base64.getUrlEncoder().withoutPadding().encodeToString(temporalToken.toByteArray()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException when the token is not one this route gave out */
  static HistoryPosition decode(String token) {
    String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isBlank()) {
      throw new IllegalArgumentException("not a history page token");
    }
    return new HistoryPosition(parts[1], Long.parseLong(parts[2]),
        ByteString.copyFrom(Base64.getUrlDecoder().decode(parts[3])));
  }
}
