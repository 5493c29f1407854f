package com.leadcadence.api.adf;

import java.util.Map;

/**
 * Where each field of the intake request comes from in an ADF document, so that an error about the
 * field names the XML element instead (paths below {@code <adf>}).
 */
final class AdfElements {
  static final String PROSPECT = "prospect";
  static final String PROSPECT_ID = "prospect/id";
  static final String REQUEST_DATE = "prospect/requestdate";
  static final String PROVIDER_NAME = "prospect/provider/name";
  static final String NAME = "prospect/customer/contact/name";
  static final String EMAIL = "prospect/customer/contact/email";
  static final String PHONE = "prospect/customer/contact/phone";
  static final String VEHICLE = "prospect/vehicle";
  static final String YEAR = "prospect/vehicle/year";
  static final String TIMEFRAME = "prospect/customer/timeframe";
  static final String COMMENTS = "prospect/customer/comments";

  private static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("source", PROVIDER_NAME),
      Map.entry("externalId", PROSPECT_ID),
      Map.entry("firstName", NAME),
      Map.entry("lastName", NAME),
      Map.entry("email", EMAIL),
      Map.entry("phone", PHONE),
      Map.entry("vehicle", VEHICLE),
      Map.entry("vehicle.year", YEAR),
      Map.entry("vehicle.make", "prospect/vehicle/make"),
      Map.entry("vehicle.model", "prospect/vehicle/model"),
      Map.entry("vehicle.trim", "prospect/vehicle/trim"),
      Map.entry("vehicle.vin", "prospect/vehicle/vin"),
      Map.entry("vehicle.stockNumber", "prospect/vehicle/stock"),
      Map.entry("timeframe", TIMEFRAME),
      Map.entry("comments", COMMENTS));

  private AdfElements() {}

  /** The element an intake field came from; the field itself when it has no element (never expected). */
  static String forField(String field) {
    return field == null ? PROSPECT : BY_FIELD.getOrDefault(field, field);
  }
}
