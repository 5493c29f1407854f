package com.leadcadence.workflows.model;

/**
 * An outcome as the API receives it; agentId, note and taskId are optional. taskId names the task an
 * agent completed with it; without one (a CRM's report) the lead's open call tasks are done with it.
 */
public record Outcome(OutcomeType type, Long agentId, String note, Long taskId) {

  public Outcome(OutcomeType type, Long agentId, String note) {
    this(type, agentId, note, null);
  }
}
