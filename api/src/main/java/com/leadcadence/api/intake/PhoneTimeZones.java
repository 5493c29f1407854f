package com.leadcadence.api.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.leadcadence.workflows.schedule.LeadZones;
import java.util.Map;
import java.util.Optional;

/**
 * Where a phone number's owner may be, when the lead did not say. Without an area-code database
 * (libphonenumber's geocoder is not available here) a US or Canadian number gets the span of zones
 * the country covers, so quiet hours hold wherever the lead is; Hawaii and Alaska have their own
 * area codes. Other countries: unknown (the caller falls back to the dealership's zone).
 */
public final class PhoneTimeZones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Map<String, String> BY_AREA_CODE = Map.of(
      "808", "Pacific/Honolulu",
      "907", "America/Anchorage");
  private static final Map<String, String> BY_REGION = Map.of(
      "US", LeadZones.NORTH_AMERICA_CONTINENTAL,
      // Newfoundland is the eastern edge of Canada's span
      "CA", "America/St_Johns,America/Vancouver",
      "PR", "America/Puerto_Rico");

  private PhoneTimeZones() {}

  /**
   * As {@link #forNumber}, but a number sharing the dealership's area code is taken to be in the
   * dealership's zone: most leads are local, and the span would delay their first call needlessly.
   */
  public static Optional<String> forNumberNear(String e164, String dealershipPhone, String dealershipZone) {
    Optional<String> area = areaCode(e164);
    if (area.isPresent() && area.equals(areaCode(dealershipPhone))) {
      return Optional.of(dealershipZone);
    }
    return forNumber(e164);
  }

  /** A zone, or a comma-separated span of zones (see LeadZones), for an E.164 number. */
  public static Optional<String> forNumber(String e164) {
    if (e164 == null) {
      return Optional.empty();
    }
    Optional<String> byArea = areaCode(e164).map(BY_AREA_CODE::get);
    if (byArea.isPresent()) {
      return byArea;
    }
    try {
      String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, null));
      return Optional.ofNullable(BY_REGION.get(region));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The three-digit area code of a North American (+1) number. */
  public static Optional<String> areaCode(String e164) {
    return e164 != null && e164.startsWith("+1") && e164.length() == 12
        ? Optional.of(e164.substring(2, 5))
        : Optional.empty();
  }
}
