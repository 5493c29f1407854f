package com.leadcadence.api.admin;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.intake.EmailAddresses;
import com.leadcadence.api.intake.PhoneNumbers;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.rows.ApiKeyRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.NewDealership;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import com.leadcadence.workflows.schedule.HolidayFormat;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding dealerships and rotating their API keys, for the admin API and the {@code dealership}
 * command alike (no HTTP in here). Every field is checked before anything is written, and all faults
 * are reported at once; a dealership and its first key are written together or not at all. Keys are
 * stored as their SHA-256 and shown once.
 */
public final class DealershipOnboarding {
  private static final Logger LOG = LoggerFactory.getLogger(DealershipOnboarding.class);
  private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
  private static final List<String> DEFAULT_FIRST_PARTY_SOURCES = List.of("website");
  static final String FIRST_KEY_LABEL = "initial";
  static final String KEY_LABEL = "api key";

  private final DealershipDao dealerships;

  public DealershipOnboarding(DealershipDao dealerships) {
    this.dealerships = dealerships;
  }

  public DealershipCreated create(DealershipBody body) {
    NewDealership dealership = validated(withCreateDefaults(body));
    String key = ApiKeys.generate();
    long id = uniqueInboundEmail(() -> dealerships.insertWithApiKey(dealership, ApiKeys.hash(key), FIRST_KEY_LABEL));
    long keyId = dealerships.listApiKeys(id).get(0).id();
    LOG.info("Dealership {} '{}' onboarded with API key {}", id, dealership.name(), keyId);
    return new DealershipCreated(get(id), keyId, key);
  }

  public DealershipView update(long id, DealershipBody patch) {
    NewDealership dealership = validated(DealershipBody.of(find(id)).patchedWith(patch));
    uniqueInboundEmail(() -> (long) dealerships.update(id, dealership));
    LOG.info("Dealership {} updated", id);
    return get(id);
  }

  public DealershipView get(long id) {
    return DealershipView.of(find(id));
  }

  public List<DealershipView> list() {
    return dealerships.listAll().stream().map(DealershipView::of).toList();
  }

  /** A further key; the others stay valid until revoked (rotation: issue, switch the CRM, revoke the old). */
  public IssuedApiKey issueKey(long id, String label) {
    find(id);
    String name = label == null || label.isBlank() ? KEY_LABEL : label.strip();
    if (name.length() > 100) {
      throw ApiException.invalid("label", "must be at most 100 characters");
    }
    String key = ApiKeys.generate();
    long keyId = dealerships.insertApiKey(id, ApiKeys.hash(key), name);
    LOG.info("API key {} issued to dealership {}", keyId, id);
    return new IssuedApiKey(keyId, key);
  }

  public List<ApiKeyView> keys(long id) {
    find(id);
    return dealerships.listApiKeys(id).stream().map(ApiKeyView::of).toList();
  }

  /** Revokes the key at once; revoking a revoked key again changes nothing and answers the same. */
  public ApiKeyView revokeKey(long id, long keyId) {
    find(id);
    ApiKeyRow key = dealerships.findApiKey(id, keyId)
        .orElseThrow(() -> ApiException.notFound("API key " + keyId + " of dealership " + id));
    if (dealerships.revokeApiKeyById(id, keyId) == 1) {
      LOG.info("API key {} of dealership {} revoked", keyId, id);
    }
    return ApiKeyView.of(dealerships.findApiKey(id, key.id()).orElseThrow());
  }

  private DealershipRow find(long id) {
    return dealerships.findById(id).orElseThrow(() -> ApiException.notFound("dealership " + id));
  }

  private static DealershipBody withCreateDefaults(DealershipBody b) {
    return new DealershipBody(b.name(), b.timezone(), b.businessHours(),
        b.holidays() != null ? b.holidays() : List.of(),
        b.senderName(), b.senderEmail(), b.senderPhone(), b.messagingServiceSid(),
        b.webFormCapturesConsent() != null ? b.webFormCapturesConsent() : false,
        b.firstPartySources() != null ? b.firstPartySources() : DEFAULT_FIRST_PARTY_SOURCES,
        b.inboundEmail());
  }

  /** The row to write, every value normalised; a 422 naming every field at fault otherwise. */
  private static NewDealership validated(DealershipBody b) {
    List<FieldError> errors = new ArrayList<>();
    String name = required(b.name(), "name", 200, errors);
    String zone = required(b.timezone(), "timezone", 64, errors);
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      errors.add(new FieldError("timezone", "is not an IANA time zone such as America/Chicago"));
    }
    String hours = required(b.businessHours(), "businessHours", 500, errors);
    if (hours != null) {
      try {
        BusinessHoursFormat.parse(hours);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("businessHours", e.getMessage() + " (e.g. 'MON-FRI 09:00-20:00; SAT 10:00-16:00')"));
      }
    }
    String holidays = "";
    try {
      holidays = HolidayFormat.format(HolidayFormat.parse(b.holidays()));
      if (holidays.length() > 2000) {
        errors.add(new FieldError("holidays", "are too many (2,000 characters at most)"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("holidays", e.getMessage()));
    }
    String senderName = optional(b.senderName()) != null ? required(b.senderName(), "senderName", 200, errors) : name;
    String senderEmail = required(b.senderEmail(), "senderEmail", 320, errors);
    if (senderEmail != null) {
      senderEmail = EmailAddresses.normalise(senderEmail).orElse(null);
      if (senderEmail == null) {
        errors.add(new FieldError("senderEmail", "is not a valid email address"));
      }
    }
    String senderPhone = optional(b.senderPhone());
    if (senderPhone != null) {
      senderPhone = PhoneNumbers.toE164(senderPhone).orElse(null);
      if (senderPhone == null) {
        errors.add(new FieldError("senderPhone", "is not a valid phone number (US numbers or +country code)"));
      }
    }
    String messagingServiceSid = optional(b.messagingServiceSid());
    if (messagingServiceSid != null && !MESSAGING_SERVICE_SID.matcher(messagingServiceSid).matches()) {
      errors.add(new FieldError("messagingServiceSid", "is not a Twilio Messaging Service SID (MG + 32 hex digits)"));
    }
    String sources = firstPartySources(b.firstPartySources(), errors);
    String inboundEmail = optional(b.inboundEmail());
    if (inboundEmail != null) {
      inboundEmail = EmailAddresses.normalise(inboundEmail).orElse(null);
      if (inboundEmail == null) {
        errors.add(new FieldError("inboundEmail", "is not a valid email address"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.UNPROCESSABLE, errors);
    }
    return new NewDealership(name, zone, hours, holidays, senderName, senderEmail, senderPhone,
        messagingServiceSid, Boolean.TRUE.equals(b.webFormCapturesConsent()), sources, inboundEmail);
  }

  /** Lower-cased, as intake compares a lead's source; comma-separated as stored. */
  private static String firstPartySources(List<String> sources, List<FieldError> errors) {
    List<String> clean = new ArrayList<>();
    for (String source : sources == null ? List.<String>of() : sources) {
      String s = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
      if (s.isEmpty() || s.contains(",") || s.length() > 64) {
        errors.add(new FieldError("firstPartySources", "each source is 1-64 characters without commas"));
        return null;
      }
      if (!clean.contains(s)) {
        clean.add(s);
      }
    }
    String joined = String.join(",", clean);
    if (joined.length() > 500) {
      errors.add(new FieldError("firstPartySources", "are too many (500 characters at most)"));
    }
    return joined;
  }

  private static String required(String value, String field, int maxLength, List<FieldError> errors) {
    String v = optional(value);
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (v.length() > maxLength) {
      errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
      return null;
    }
    return v;
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The one unique column a write can collide on: another dealership's inbound address. */
  private static long uniqueInboundEmail(Supplier<Long> write) {
    try {
      return write.get();
    } catch (JdbiException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLIntegrityConstraintViolationException) {
          throw new ApiException(409, List.of(new FieldError("inboundEmail",
              "is already the inbound address of another dealership")));
        }
      }
      throw e;
    }
  }
}
