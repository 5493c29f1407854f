package com.leadcadence.api.cadences;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.dao.VariantReportDao;
import com.leadcadence.store.rows.VariantCounts;
import com.leadcadence.workflows.model.CadenceStep;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the A/B variants of a dealership's plan compare: one line per variant of each step that has variants in
 * the plan's current version, in plan order, zeros where no lead got it yet. Touches do not record their plan,
 * so a touch counts by its step id and variant template: another plan with a variant step of the same id and
 * template would count in both.
 */
public final class CadenceVariants {
  private final DealershipCadences cadences;
  private final VariantReportDao report;

  public CadenceVariants(DealershipCadences cadences, VariantReportDao report) {
    this.cadences = cadences;
    this.report = report;
  }

  /** The counts of plan {@code name}'s variants; 404 when the dealership has no such plan. */
  public List<VariantCounts> counts(long dealershipId, String name) {
    List<CadenceStep> steps = cadences.plansFor(dealershipId).named(name)
        .orElseThrow(() -> ApiException.notFound("cadence plan " + name))
        .plan().steps().stream().filter(s -> s.variants() != null).toList();
    if (steps.isEmpty()) {
      return List.of();
    }
    Map<String, VariantCounts> counted = report.counts(dealershipId, steps.stream().map(CadenceStep::id).toList())
        .stream().collect(Collectors.toMap(c -> c.stepId() + "/" + c.variant(), Function.identity()));
    return steps.stream().flatMap(s -> s.templateIds().stream()
            .map(v -> counted.getOrDefault(s.id() + "/" + v, new VariantCounts(s.id(), v, 0, 0, 0))))
        .toList();
  }
}
