package com.leadcadence.worker.plans;

/**
 * One mistake in a plan directory: the file, the step (null for the plan's own fields or the directory as
 * a whole) and the field it concerns. {@link #toString} is the one line the start-up failure prints.
 */
public record PlanProblem(String file, String step, String field, String message) {

  @Override
  public String toString() {
    return file + (step != null ? ": step '" + step + "'" : "") + (field != null ? ": " + field : "") + ": " + message;
  }
}
