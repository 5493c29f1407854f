package com.leadcadence.workflows;

/** The one place the task-queue name lives: the API starts workflows on it and the worker polls it. */
public final class TaskQueues {
  public static final String LEAD_CADENCE = "lead-cadence";

  private TaskQueues() {}
}
