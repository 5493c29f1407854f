package com.leadcadence.api.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pragmatic email check: one @, a non-empty local part, a dotted domain of letters, digits and
 * hyphens, no spaces. Lower-cased, because opt-outs are matched per address.
 */
public final class EmailAddresses {
  private static final Pattern ADDRESS = Pattern.compile(
      "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private EmailAddresses() {}

  public static Optional<String> normalise(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.length() > 320 || !ADDRESS.matcher(trimmed).matches() || trimmed.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(trimmed.toLowerCase(Locale.ROOT));
  }
}
