package com.leadcadence.workflows.model;

/** How to reach the lead. email or phone may be null (never both); phone is E.164; timeZone is an IANA id. */
public record LeadContact(String firstName, String lastName, String email, String phone, String timeZone) {

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
