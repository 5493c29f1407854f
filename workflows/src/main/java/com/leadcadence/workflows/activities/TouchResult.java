package com.leadcadence.workflows.activities;

import com.leadcadence.workflows.model.TaskDeadline;

/**
 * The touch row's id and what happened; detail is a short human-readable reason. task is the agent's
 * task a CALL step created (null otherwise), for the workflow to watch its SLA.
 */
public record TouchResult(long touchId, TouchStatus status, String detail, TaskDeadline task) {

  public TouchResult(long touchId, TouchStatus status, String detail) {
    this(touchId, status, detail, null);
  }
}
