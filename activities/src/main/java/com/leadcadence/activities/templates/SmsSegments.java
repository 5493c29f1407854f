package com.leadcadence.activities.templates;

/**
 * How a text travels over SMS: its encoding and how many billed segments it takes. GSM-7 (3GPP TS 23.038
 * basic table, plus the extension table whose characters take two septets) allows 160 septets in one
 * segment and 153 per part of a multipart message; anything outside it makes the whole text UCS-2, with 70
 * UTF-16 code units in one segment and 67 per part. A character (an escape pair, a surrogate pair) is never
 * split across parts, as carriers do not split them either.
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

  public enum Encoding {
    GSM_7("GSM-7", 160, 153),
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int single;
    private final int perPart;

    Encoding(String label, int single, int perPart) {
      this.label = label;
      this.single = single;
      this.perPart = perPart;
    }

    /** Septets (GSM-7) or UTF-16 code units (UCS-2) that fit in a one-segment message. */
    public int singleSegmentUnits() {
      return single;
    }

    /** Septets or code units per part once a message needs more than one segment (the rest is the UDH). */
    public int unitsPerPart() {
      return perPart;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The basic table, in code-point order of the standard; 0x1B (escape) is not a character. */
  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** Characters reached through the escape: two septets each. */
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  public static SmsSegments of(String text) {
    return isGsm7(text) ? gsm7(text) : ucs2(text);
  }

  /** True when every character of the text is in the GSM-7 basic or extension table. */
  public static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The first character that forces UCS-2, for error messages; null when the text is GSM-7. */
  public static String firstNonGsm7(String text) {
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      int cp = text.codePointAt(i);
      if (Character.charCount(cp) > 1 || (GSM_BASIC.indexOf(cp) < 0 && GSM_EXTENSION.indexOf(cp) < 0)) {
        return new String(Character.toChars(cp)) + " (U+" + String.format("%04X", cp) + ")";
      }
    }
    return null;
  }

  public boolean isGsm7() {
    return encoding == Encoding.GSM_7;
  }

  /** For a touch's detail or a log line, e.g. "2 segments GSM-7". */
  public String describe() {
    return segments + (segments == 1 ? " segment " : " segments ") + encoding;
  }

  private static SmsSegments gsm7(String text) {
    int[] widths = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      widths[i] = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    return pack(Encoding.GSM_7, widths);
  }

  private static SmsSegments ucs2(String text) {
    int[] widths = text.codePoints().map(Character::charCount).toArray();
    return pack(Encoding.UCS_2, widths);
  }

  /** Greedy packing of indivisible characters of the given widths into parts. */
  private static SmsSegments pack(Encoding encoding, int[] widths) {
    int units = 0;
    for (int w : widths) {
      units += w;
    }
    if (units == 0) {
      return new SmsSegments(encoding, 0, 0);
    }
    if (units <= encoding.single) {
      return new SmsSegments(encoding, units, 1);
    }
    int parts = 1;
    int used = 0;
    for (int w : widths) {
      if (used + w > encoding.perPart) {
        parts++;
        used = 0;
      }
      used += w;
    }
    return new SmsSegments(encoding, units, parts);
  }
}
