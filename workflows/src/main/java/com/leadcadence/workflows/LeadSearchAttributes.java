package com.leadcadence.workflows;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Search attributes engineers filter on in the Temporal UI: five keywords and the lead's score (an int,
 * so lists can ask for {@code LeadScore >= 76}). Register them once per namespace.
 */
public final class LeadSearchAttributes {
  public static final SearchAttributeKey<String> DEALER_ID = SearchAttributeKey.forKeyword("DealerId");
  public static final SearchAttributeKey<String> LEAD_SOURCE = SearchAttributeKey.forKeyword("LeadSource");
  public static final SearchAttributeKey<String> LEAD_GRADE = SearchAttributeKey.forKeyword("LeadGrade");
  public static final SearchAttributeKey<String> LEAD_STATUS = SearchAttributeKey.forKeyword("LeadStatus");
  public static final SearchAttributeKey<String> ASSIGNED_AGENT = SearchAttributeKey.forKeyword("AssignedAgent");
  public static final SearchAttributeKey<Long> LEAD_SCORE = SearchAttributeKey.forLong("LeadScore");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(DEALER_ID, LEAD_SOURCE, LEAD_GRADE, LEAD_STATUS, ASSIGNED_AGENT, LEAD_SCORE);

  private LeadSearchAttributes() {}
}
