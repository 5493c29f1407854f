package com.leadcadence.api.webhooks;

import java.util.Locale;
import java.util.Set;

/**
 * What an inbound text asks for. Only a body that is exactly one keyword counts (trimmed, any case):
 * "Stop by tomorrow?" is a reply, not an opt-out. The sets are the carriers' and Twilio's standard ones.
 */
public enum InboundKeyword {
  STOP,
  START,
  HELP,
  /** Anything else: a reply from the lead. */
  REPLY;

  private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");
  private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

  public static InboundKeyword of(String body) {
    String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    if (STOP_WORDS.contains(word)) {
      return STOP;
    }
    if (START_WORDS.contains(word)) {
      return START;
    }
    if (HELP_WORDS.contains(word)) {
      return HELP;
    }
    return REPLY;
  }
}
