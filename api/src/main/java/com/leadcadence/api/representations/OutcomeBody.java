package com.leadcadence.api.representations;

import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An agent's or CRM's outcome for a lead. */
public record OutcomeBody(@NotNull OutcomeType type, @Positive Long agentId, @Size(max = 1000) String note) {

  public Outcome toOutcome() {
    return new Outcome(type, agentId, note);
  }
}
