package com.leadcadence.activities.providers;

/** Settings arrive from YAML with `${VAR:-}` substitution, so "unset" is often an empty string. */
public final class Settings {
  private Settings() {}

  /** null for null or blank, otherwise the value without surrounding whitespace. */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
