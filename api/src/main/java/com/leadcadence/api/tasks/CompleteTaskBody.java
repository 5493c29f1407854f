package com.leadcadence.api.tasks;

import com.leadcadence.workflows.model.OutcomeType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {"outcome": an outcome type of /outcomes, "note": optional}. */
public record CompleteTaskBody(@NotNull OutcomeType outcome, @Size(max = 1000) String note) {}
