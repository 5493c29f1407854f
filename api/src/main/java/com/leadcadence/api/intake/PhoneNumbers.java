package com.leadcadence.api.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as the CRMs send them ("(312) 555-0123", "312.555.0123", "+1 312 555 0123") to E.164. */
public final class PhoneNumbers {
  /** Our dealerships are in the US: a number without a country code is read as a US number. */
  public static final String DEFAULT_REGION = "US";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The E.164 form, or empty when the text is not a valid number. */
  public static Optional<String> toE164(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(text.trim(), DEFAULT_REGION);
      if (!UTIL.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
