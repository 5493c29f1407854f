package com.leadcadence.api.representations;

import com.leadcadence.workflows.model.Vehicle;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The vehicle a lead asked about; every field optional. */
public record VehicleInterest(
    @Min(1900) @Max(2100) Integer year,
    @Size(max = 64) String make,
    @Size(max = 64) String model,
    @Size(max = 64) String trim,
    @Pattern(regexp = "[A-HJ-NPR-Za-hj-npr-z0-9]{17}", message = "must be a 17-character VIN") String vin,
    @Size(max = 32) String stockNumber) {

  public Vehicle toVehicle() {
    return new Vehicle(year, blankToNull(make), blankToNull(model), blankToNull(trim),
        vin == null ? null : vin.toUpperCase(java.util.Locale.ROOT), blankToNull(stockNumber));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
