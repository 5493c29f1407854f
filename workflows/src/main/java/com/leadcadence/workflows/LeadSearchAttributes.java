package com.leadcadence.workflows;

import com.leadcadence.workflows.model.CadencePlan;
import io.temporal.common.SearchAttributeKey;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Search attributes engineers filter on in the Temporal UI: five keywords, the lead's score (an int, so
 * lists can ask for {@code LeadScore >= 76}), and the step the lead waits for with its due time (so lists
 * can find leads whose step is long overdue). Register them once per namespace.
 */
public final class LeadSearchAttributes {
  public static final SearchAttributeKey<String> DEALER_ID = SearchAttributeKey.forKeyword("DealerId");
  public static final SearchAttributeKey<String> LEAD_SOURCE = SearchAttributeKey.forKeyword("LeadSource");
  public static final SearchAttributeKey<String> LEAD_GRADE = SearchAttributeKey.forKeyword("LeadGrade");
  public static final SearchAttributeKey<String> LEAD_STATUS = SearchAttributeKey.forKeyword("LeadStatus");
  public static final SearchAttributeKey<String> ASSIGNED_AGENT = SearchAttributeKey.forKeyword("AssignedAgent");
  public static final SearchAttributeKey<Long> LEAD_SCORE = SearchAttributeKey.forLong("LeadScore");
  /** The id of the step the lead waits for ("sms-2"), or "plan-end" once every step has been decided. */
  public static final SearchAttributeKey<String> LEAD_STEP = SearchAttributeKey.forKeyword("LeadStep");
  /** When that step is due (re-planned: quiet hours, business hours, pauses move it). */
  public static final SearchAttributeKey<OffsetDateTime> LEAD_STEP_DUE_AT =
      SearchAttributeKey.forOffsetDateTime("LeadStepDueAt");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(DEALER_ID, LEAD_SOURCE, LEAD_GRADE, LEAD_STATUS, ASSIGNED_AGENT, LEAD_SCORE, LEAD_STEP,
          LEAD_STEP_DUE_AT);

  private LeadSearchAttributes() {}

  /** LeadStep at start: the plan's first step ("none" for a plan without steps). */
  public static String firstStep(CadencePlan plan) {
    return plan.steps().isEmpty() ? "none" : plan.steps().get(0).id();
  }
}
