package com.leadcadence.store.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of a dealership's leads: the filters (each null or empty when not asked for), the position
 * after which the page starts (null for the first page) and the page size. With updatedSince the page
 * is in change order (updated_at, id ascending), so a CRM can poll; otherwise newest first
 * (created_at, id descending).
 */
public record LeadSearchCriteria(
    long dealershipId,
    List<String> statuses,
    List<String> grades,
    String source,
    Long agentId,
    Instant createdFrom,
    Instant createdBefore,
    Instant updatedSince,
    TextMatch text,
    Position after,
    int limit) {

  public LeadSearchCriteria {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    grades = grades == null ? List.of() : List.copyOf(grades);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  public Order order() {
    return updatedSince == null ? Order.NEWEST_FIRST : Order.CHANGES_OLDEST_FIRST;
  }

  /** The same search from another position (the next page). */
  public LeadSearchCriteria after(Position position) {
    return new LeadSearchCriteria(dealershipId, statuses, grades, source, agentId, createdFrom, createdBefore,
        updatedSince, text, position, limit);
  }

  public enum Order {
    /** created_at DESC, id DESC. */
    NEWEST_FIRST,
    /** updated_at ASC, id ASC. */
    CHANGES_OLDEST_FIRST
  }

  /** The keyset position of the last row of a page: its created_at or updated_at (by order) and id. */
  public record Position(Instant at, long id) {
    public Position {
      Objects.requireNonNull(at, "at");
    }
  }

  /** What q matched on. */
  public sealed interface TextMatch {}

  /** A phone in E.164, matched exactly. */
  public record PhoneIs(String e164) implements TextMatch {}

  /** The start of an e-mail address (lower case): a whole address is its own prefix. */
  public record EmailStartsWith(String prefix) implements TextMatch {}

  /** One word: the start of the first name, the last name or the e-mail address. */
  public record WordStartsWith(String word) implements TextMatch {}

  /** Several words: the first word starts the first name, the rest starts the last name ("Jane Do"). */
  public record FullNameStartsWith(String firstName, String lastName) implements TextMatch {}
}
