package com.leadcadence.workflows.model;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of the steps a lead will get, resolved at intake so that later edits never change a
 * running workflow. managerAlertAfter (nullable): alert a manager if the lead is still uncontacted.
 */
public record CadencePlan(String name, int version, List<CadenceStep> steps, Duration managerAlertAfter) {
  public CadencePlan {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }
}
