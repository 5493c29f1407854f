package com.leadcadence.workflows;

import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a lead's search attributes ({@link LeadSearchAttributes}) current from its workflow. Only those
 * the starter set are upserted (the namespace has them registered; workflows started before an attribute
 * existed never upsert it, as their histories recorded).
 */
final class LeadSearchUpserts {
  private final ReadableHistory readable;
  /** The LeadStep and LeadStepDueAt this run last upserted (to upsert only a change). */
  private String step;
  private Instant stepDue;

  LeadSearchUpserts(ReadableHistory readable) {
    this.readable = readable;
  }

  void status(LeadStatus status) {
    keyword(LeadSearchAttributes.LEAD_STATUS, status.name());
  }

  void agent(Long agentId) {
    keyword(LeadSearchAttributes.ASSIGNED_AGENT, String.valueOf(agentId));
  }

  /** The grade, and the score where the starter set LeadScore, in one upsert. */
  void scoreAndGrade(int score) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>(2);
    if (Workflow.getTypedSearchAttributes().containsKey(LeadSearchAttributes.LEAD_GRADE)) {
      updates.add(LeadSearchAttributes.LEAD_GRADE.valueSet(Grade.forScore(score).name()));
    }
    if (Workflow.getTypedSearchAttributes().containsKey(LeadSearchAttributes.LEAD_SCORE)) {
      updates.add(LeadSearchAttributes.LEAD_SCORE.valueSet((long) score));
    }
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(new SearchAttributeUpdate<?>[0]));
    }
  }

  /**
   * LeadStep and LeadStepDueAt: the step the lead waits for and when it is due, so that a list can find
   * leads whose step is long overdue (stuck). Upserted when either changes, from version 1 of
   * READABLE_HISTORY on (the version is asked only for a change, where the loop always asked it).
   */
  void step(String stepId, Instant due) {
    if ((stepId.equals(step) && due.equals(stepDue)) || readable.version() < 1
        || !Workflow.getTypedSearchAttributes().containsKey(LeadSearchAttributes.LEAD_STEP)) {
      return;
    }
    step = stepId;
    stepDue = due;
    Workflow.upsertTypedSearchAttributes(LeadSearchAttributes.LEAD_STEP.valueSet(stepId),
        LeadSearchAttributes.LEAD_STEP_DUE_AT.valueSet(due.atOffset(ZoneOffset.UTC)));
  }

  private static void keyword(SearchAttributeKey<String> key, String value) {
    if (Workflow.getTypedSearchAttributes().containsKey(key)) {
      Workflow.upsertTypedSearchAttributes(key.valueSet(value));
    }
  }
}
