package com.leadcadence.api.intake;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.workflows.model.Vehicle;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An intake request after the checks bean validation cannot make: email and phone normalised (one of
 * them required), the time zone resolved, consent decided. Every problem is collected, so a client
 * sees all of them at once (422).
 */
public record NormalisedLead(
    String source,
    String externalId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String timeZone,
    Vehicle vehicle,
    Consent consent,
    CreateLeadRequest request) {

  /** Consent per channel, where it came from and when it was given (null when none). */
  public record Consent(boolean sms, boolean voice, String source, Instant at) {}

  /** @throws ApiException 422 naming every field at fault */
  public static NormalisedLead of(CreateLeadRequest request, DealershipRow dealership, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String email = null;
    if (request.email() != null && !request.email().isBlank()) {
      email = EmailAddresses.normalise(request.email()).orElse(null);
      if (email == null) {
        errors.add(new FieldError("email", "is not a valid email address"));
      }
    }
    String phone = null;
    if (request.phone() != null && !request.phone().isBlank()) {
      phone = PhoneNumbers.toE164(request.phone()).orElse(null);
      if (phone == null) {
        errors.add(new FieldError("phone", "is not a valid phone number (US numbers or +country code)"));
      }
    }
    if (isBlank(request.email()) && isBlank(request.phone())) {
      errors.add(new FieldError("email", "either email or phone is required"));
      errors.add(new FieldError("phone", "either email or phone is required"));
    }
    String timeZone = PhoneTimeZones.forNumber(phone).orElse(dealership.timeZone());
    if (!isBlank(request.timezone())) {
      try {
        timeZone = ZoneId.of(request.timezone().trim()).getId();
      } catch (DateTimeException e) {
        errors.add(new FieldError("timezone", "is not an IANA time zone such as America/Chicago"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.UNPROCESSABLE, errors);
    }
    Vehicle vehicle = request.vehicle() == null ? null : request.vehicle().toVehicle();
    return new NormalisedLead(request.source().trim().toLowerCase(Locale.ROOT), request.externalId().trim(),
        request.firstName().trim(), request.lastName().trim(), email, phone, timeZone, vehicle,
        consent(request, dealership, now), request);
  }

  /**
   * Stated consent wins; where none is stated, a lead from one of the dealership's own sources counts
   * as consenting when the dealership declares that its web form captures consent.
   */
  private static Consent consent(CreateLeadRequest request, DealershipRow dealership, Instant now) {
    CreateLeadRequest.Consent stated = request.consent();
    boolean formConsent = dealership.webFormCapturesConsent()
        && dealership.firstPartySourceSet().contains(request.source().trim().toLowerCase(Locale.ROOT));
    Boolean sms = stated == null ? null : stated.sms();
    Boolean voice = stated == null ? null : stated.voice();
    boolean smsGiven = sms != null ? sms : formConsent;
    boolean voiceGiven = voice != null ? voice : formConsent;
    if (!smsGiven && !voiceGiven) {
      return new Consent(false, false, null, null);
    }
    boolean fromForm = (sms == null && smsGiven) || (voice == null && voiceGiven);
    return new Consent(smsGiven, voiceGiven, fromForm ? "web-form" : "intake", now);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
