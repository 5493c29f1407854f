package com.leadcadence.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;

/**
 * The answer to an intake: 201 for a new lead, 200 for a repeat of one already taken in. A new lead
 * that repeats an open one (same phone or email) is stored as DUPLICATE and names it in duplicateOf.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadCreated(long id, String workflowId, LeadStatus status, Grade grade, int score, Long duplicateOf) {

  public static LeadCreated of(LeadRow lead) {
    return new LeadCreated(lead.id(), lead.workflowId(), lead.status(), lead.grade(), lead.score(), lead.duplicateOf());
  }
}
