package com.leadcadence.activities.logging;

/** Masks contact details for logs: enough to tell two leads apart, not enough to reach them. */
public final class Masking {

  private Masking() {}

  /** "+13125550123" -> "+1312***0123": country code and area code, then the last four digits. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String p = phone.strip();
    if (p.length() <= 8) {
      return "***" + p.substring(Math.max(0, p.length() - 2));
    }
    return p.substring(0, 5) + "***" + p.substring(p.length() - 4);
  }

  /** "jane.doe@example.com" -> "j***@example.com". */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    String e = email.strip();
    int at = e.indexOf('@');
    if (at < 1) {
      return "***";
    }
    return e.charAt(0) + "***" + e.substring(at);
  }

  /** "Jane", "Doe" -> "J*** D***": each name's initial, like the e-mail's; null or blank parts are left out. */
  public static String name(String firstName, String lastName) {
    StringBuilder masked = new StringBuilder();
    for (String part : new String[] {firstName, lastName}) {
      if (part != null && !part.isBlank()) {
        if (masked.length() > 0) {
          masked.append(' ');
        }
        masked.append(part.strip().charAt(0)).append("***");
      }
    }
    return masked.length() == 0 ? "***" : masked.toString();
  }

  /** Masks either kind of address (an email has an @). */
  public static String address(String address) {
    return address != null && address.contains("@") ? email(address) : phone(address);
  }
}
