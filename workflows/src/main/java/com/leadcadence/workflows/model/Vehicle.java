package com.leadcadence.workflows.model;

/** The vehicle the lead asked about; every field optional. */
public record Vehicle(Integer year, String make, String model, String trim, String vin, String stockNumber) {

  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Object part : new Object[] {year, make, model, trim}) {
      if (part != null && !part.toString().isBlank()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }
}
