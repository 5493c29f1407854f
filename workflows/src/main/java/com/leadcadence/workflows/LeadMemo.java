package com.leadcadence.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memo every lead workflow carries, so the Temporal UI shows whose cadence it is without a query:
 * the lead's name (masked by whoever starts the workflow: never the full name), the vehicle and the
 * dealership. Set at start; each continued run carries it over.
 */
public final class LeadMemo {
  public static final String LEAD = "lead";
  public static final String VEHICLE = "vehicle";
  public static final String DEALERSHIP = "dealership";
  public static final String DEALERSHIP_ID = "dealershipId";
  /** Every key, in the order the UI lists them. */
  public static final List<String> KEYS = List.of(LEAD, VEHICLE, DEALERSHIP, DEALERSHIP_ID);

  private LeadMemo() {}

  /** The memo's fields; a blank vehicle is left out. */
  public static Map<String, Object> of(String maskedName, String vehicle, String dealershipName, long dealershipId) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(LEAD, maskedName);
    if (vehicle != null && !vehicle.isBlank()) {
      memo.put(VEHICLE, vehicle);
    }
    memo.put(DEALERSHIP, dealershipName);
    memo.put(DEALERSHIP_ID, String.valueOf(dealershipId));
    return memo;
  }
}
