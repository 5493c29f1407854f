package com.leadcadence.api.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.leadcadence.workflows.schedule.LeadZones;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a phone number's owner may be, when the lead did not say. A North American number gets the
 * zone of its area code from the repository's table ({@link NanpAreaCodes}); a code whose area spans
 * zones, and a non-geographic one, gets the span (quiet hours must then hold in each zone); a code the
 * table lacks (a new overlay) gets its country's span. Other countries: unknown (the caller falls back
 * to the dealership's zone).
 */
public final class PhoneTimeZones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  /** For area codes newer than the table. */
  private static final Map<String, String> BY_REGION = Map.of(
      "US", LeadZones.NORTH_AMERICA_CONTINENTAL,
      // Newfoundland is the eastern edge of Canada's span
      "CA", "America/St_Johns,America/Vancouver",
      "PR", "America/Puerto_Rico");

  private PhoneTimeZones() {}

  /** A zone, or a comma-separated span of zones (see LeadZones), for an E.164 number. */
  public static Optional<String> forNumber(String e164) {
    if (e164 == null) {
      return Optional.empty();
    }
    Optional<String> byArea = areaCode(e164).flatMap(NanpAreaCodes.table()::find)
        .map(code -> code.zones().stream().map(ZoneId::getId).collect(Collectors.joining(",")));
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
