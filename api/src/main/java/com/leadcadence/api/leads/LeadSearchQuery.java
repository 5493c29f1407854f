package com.leadcadence.api.leads;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.intake.PhoneNumbers;
import com.leadcadence.api.paging.KeysetCursor;
import com.leadcadence.store.search.LeadSearchCriteria;
import com.leadcadence.store.search.LeadSearchCriteria.EmailStartsWith;
import com.leadcadence.store.search.LeadSearchCriteria.FullNameStartsWith;
import com.leadcadence.store.search.LeadSearchCriteria.PhoneIs;
import com.leadcadence.store.search.LeadSearchCriteria.Position;
import com.leadcadence.store.search.LeadSearchCriteria.TextMatch;
import com.leadcadence.store.search.LeadSearchCriteria.WordStartsWith;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GET /v1/leads's parameters, read and checked (a value that cannot be read is a 400 naming its
 * parameter, one that is read but not acceptable a 422), as the store's criteria plus the scope its
 * cursors are bound to: the dealership and every filter, so a cursor only continues the query it came from.
 */
record LeadSearchQuery(LeadSearchCriteria criteria, int limit, String scope) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_Q = 100;
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ().\\-]+");
  /** An offset written with '+' arrives as a space when the client did not encode it: "...T09:00:00 01:00". */
  private static final Pattern UNENCODED_PLUS = Pattern.compile(" (\\d{2}:?\\d{2})$");

  /** The query parameters as they came; null when absent. */
  record Parameters(String status, String grade, String source, String agentId, String createdFrom,
      String createdTo, String updatedSince, String q, String limit, String cursor) {}

  /** zone: the dealership's, for parameters given as a plain date. */
  static LeadSearchQuery read(long dealershipId, ZoneId zone, Parameters p) {
    List<String> statuses = enumList("status", p.status(), LeadStatus.class);
    List<String> grades = enumList("grade", p.grade(), Grade.class);
    String source = source(p.source());
    Long agentId = positiveId("agentId", p.agentId());
    Instant createdFrom = time("createdFrom", p.createdFrom(), zone, false);
    Instant createdBefore = time("createdTo", p.createdTo(), zone, true);
    if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
      throw ApiException.invalid("createdTo", "must be after createdFrom");
    }
    Instant updatedSince = time("updatedSince", p.updatedSince(), zone, false);
    TextMatch text = text(p.q());
    int limit = limit(p.limit());
    String scope = scope(dealershipId, statuses, grades, source, agentId, createdFrom, createdBefore, updatedSince, text);
    KeysetCursor cursor = KeysetCursor.decode(p.cursor(), scope);
    // One row more than the page: it only tells whether a next page exists.
    LeadSearchCriteria criteria = new LeadSearchCriteria(dealershipId, statuses, grades, source, agentId,
        createdFrom, createdBefore, updatedSince, text,
        cursor == null ? null : new Position(cursor.at(), cursor.id()), limit + 1);
    return new LeadSearchQuery(criteria, limit, scope);
  }

  /** A comma-separated list of enum names, any case: "ACTIVE,paused". */
  private static <E extends Enum<E>> List<String> enumList(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String item : value.split(",")) {
      try {
        String constant = Enum.valueOf(type, item.trim().toUpperCase(Locale.ROOT)).name();
        if (!names.contains(constant)) {
          names.add(constant);
        }
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(name, "'" + item.trim() + "' is not one of "
            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
            + " (several: comma-separated)");
      }
    }
    return List.copyOf(names);
  }

  private static String source(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String source = value.trim();
    if (source.length() > 64) {
      throw ApiException.invalid("source", "is at most 64 characters");
    }
    return source;
  }

  private static Long positiveId(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(name, "must be a positive whole number");
  }

  /**
   * An ISO-8601 time with an offset ("2026-11-30T15:00:00Z", "2026-11-30T09:00:00-06:00"), or a date
   * ("2026-11-30"): the start of that day in the dealership's zone, or for an upper bound the start of
   * the next day, so that the date's whole day is included.
   */
  private static Instant time(String name, String value, ZoneId zone, boolean upperBound) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = UNENCODED_PLUS.matcher(value.trim()).replaceFirst("+$1");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notATime) {
      try {
        LocalDate day = LocalDate.parse(text);
        return (upperBound ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException notADate) {
        throw ApiException.badRequest(name,
            "must be an ISO-8601 time with an offset (2026-11-30T15:00:00Z) or a date (2026-11-30)");
      }
    }
  }

  /**
   * q: with an '@', the start of an e-mail address; only phone characters, a phone number in any common
   * format, matched exactly in E.164; one word, the start of the first name, last name or e-mail address;
   * several words, the start of the first name, then of the last name.
   */
  private static TextMatch text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String q = value.trim().replaceAll("\\s+", " ");
    if (q.length() < 2 || q.length() > MAX_Q) {
      throw ApiException.invalid("q", "must be 2 to " + MAX_Q + " characters");
    }
    if (q.contains("@")) {
      return new EmailStartsWith(q.toLowerCase(Locale.ROOT));
    }
    if (PHONE_CHARACTERS.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
      return new PhoneIs(PhoneNumbers.toE164(q).orElseThrow(() -> ApiException.invalid("q",
          "looks like a phone number but is not a valid one (a whole number is needed: area code included)")));
    }
    int space = q.indexOf(' ');
    return space < 0 ? new WordStartsWith(q.toLowerCase(Locale.ROOT)) : new FullNameStartsWith(q.substring(0, space), q.substring(space + 1));
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /** A digest of everything that picks and orders the rows (not the page size, which may change between pages). */
  private static String scope(Object... parts) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Arrays.deepToString(parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
