package com.leadcadence.worker.plans;

import java.util.List;
import java.util.stream.Collectors;

/** The plan directory cannot be used; the message lists every problem, one line each. */
public final class InvalidCadencePlansException extends IllegalStateException {
  private final List<PlanProblem> problems;

  public InvalidCadencePlansException(String directory, List<PlanProblem> problems) {
    super("cadence plans in " + directory + " are not usable (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + problems.stream().map(p -> "  " + p)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
