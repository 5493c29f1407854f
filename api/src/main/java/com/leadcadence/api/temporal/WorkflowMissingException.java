package com.leadcadence.api.temporal;

/** Temporal has no open workflow under the lead's id: ended, or (for a STARTING lead) not started yet. */
public class WorkflowMissingException extends CadenceEndedException {
  private static final long serialVersionUID = 1L;

  public WorkflowMissingException(String message) {
    super(message);
  }
}
