package com.leadcadence.workflows.scoring;

import com.leadcadence.workflows.model.Grade;
import java.util.List;

/** A 0-100 score, its grade, and the reasons that made it (shown to agents and engineers). */
public record LeadScore(int points, Grade grade, List<String> reasons) {
  public LeadScore {
    reasons = List.copyOf(reasons);
  }
}
