package com.leadcadence.worker.plans;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.plan.TemplateRef;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checked plans of a directory and the choice of a lead's plan: the plan for its grade and source if
 * one names the source, else the plan for its grade (every grade has one: {@link CadencePlanValidator}).
 */
public final class CadencePlans {
  private final List<CadencePlanValidator.ValidPlan> plans;

  CadencePlans(List<CadencePlanValidator.ValidPlan> plans) {
    this.plans = List.copyOf(plans);
  }

  public CadencePlan forLead(Grade grade, String source) {
    return plans.stream()
        .filter(p -> p.grades().contains(grade) && source != null && p.sources().contains(source))
        .findFirst()
        .or(() -> plans.stream().filter(p -> p.grades().contains(grade) && p.sources().isEmpty()).findFirst())
        .orElseThrow(() -> new IllegalStateException("no plan for grade " + grade))
        .plan();
  }

  /** The plan a lead from {@code source} follows in each grade: where a grade change moves its cadence. */
  public Map<Grade, CadencePlan> byGrade(String source) {
    Map<Grade, CadencePlan> byGrade = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      byGrade.put(grade, forLead(grade, source));
    }
    return byGrade;
  }

  /** Every plan, in file name order. */
  public List<CadencePlanValidator.ValidPlan> all() {
    return plans;
  }

  public Optional<CadencePlanValidator.ValidPlan> named(String name) {
    return plans.stream().filter(p -> p.plan().name().equals(name)).findFirst();
  }

  /** Every template a plan names: the start verifies that each renders. */
  public Set<TemplateRef> templateRefs() {
    Set<TemplateRef> refs = new LinkedHashSet<>();
    plans.forEach(p -> p.plan().steps().forEach(s -> s.templateIds()
        .forEach(t -> refs.add(new TemplateRef(s.channel(), t)))));
    return refs;
  }
}
