package com.leadcadence.activities.logging;

import org.slf4j.MDC;

/** Puts leadId and workflowId into the MDC for one activity call; close() removes them. */
public final class LeadMdc implements AutoCloseable {
  public static final String LEAD_ID = "leadId";
  public static final String WORKFLOW_ID = "workflowId";

  private LeadMdc() {}

  public static LeadMdc put(long leadId, String workflowId) {
    MDC.put(LEAD_ID, Long.toString(leadId));
    if (workflowId != null) {
      MDC.put(WORKFLOW_ID, workflowId);
    }
    return new LeadMdc();
  }

  @Override
  public void close() {
    MDC.remove(LEAD_ID);
    MDC.remove(WORKFLOW_ID);
  }
}
