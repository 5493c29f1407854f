package com.leadcadence.workflows;

/** A lead's workflow id is derived from its row id, so a duplicate start is rejected by Temporal itself. */
public final class WorkflowIds {
  private static final String PREFIX = "lead-";

  private WorkflowIds() {}

  public static String forLead(long leadId) {
    return PREFIX + leadId;
  }

  /** The key that makes a step's side effect happen at most once, however often its activity is retried. */
  public static String idempotencyKey(String workflowId, int stepIndex) {
    return workflowId + ":" + stepIndex;
  }
}
