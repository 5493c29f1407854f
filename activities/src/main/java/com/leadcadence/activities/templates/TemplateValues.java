package com.leadcadence.activities.templates;

/** Clean-up both template contexts apply to their values, so that {{^x}} sections read well. */
final class TemplateValues {

  private TemplateValues() {}

  /** Blank counts as missing. */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * A link our own code builds from configuration: a bad one is a wiring bug to surface early, and the
   * check keeps a javascript: or data: URL out of an href.
   */
  static String requireHttpUrl(String name, String url) {
    if (url != null && !url.matches("(?i)https?://\\S+")) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + url);
    }
    return url;
  }
}
