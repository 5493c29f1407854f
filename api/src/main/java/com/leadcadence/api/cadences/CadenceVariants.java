package com.leadcadence.api.cadences;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.dao.VariantReportDao;
import com.leadcadence.store.rows.VariantCounts;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.plan.StepTimings;
import com.leadcadence.workflows.plan.VariantLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the A/B variants of a dealership's plan compare: one line per variant of each step that has variants in
 * the plan's current version, in plan order (its template variants, then its timing variants, named
 * {@code time:<timing>} as the touches name them), zeros where no lead got it yet. Touches do not record their
 * plan, so a touch counts by its step id and variant: another plan with a variant step of the same id and
 * template (or timing) would count in both. A touch of a step with both kinds counts once for its template and
 * once for its timing.
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
        .plan().steps().stream().filter(s -> s.variants() != null || s.timingVariants() != null).toList();
    if (steps.isEmpty()) {
      return List.of();
    }
    // Counted per touch label (template, timing or both), summed here per template and per timing.
    Map<String, VariantCounts> counted = new HashMap<>();
    for (VariantCounts c : report.counts(dealershipId, steps.stream().map(CadenceStep::id).toList())) {
      for (String part : new String[] {VariantLabel.templatePart(c.variant()), VariantLabel.timingPart(c.variant())}) {
        if (part != null) {
          counted.merge(c.stepId() + "/" + part, new VariantCounts(c.stepId(), part, c.sent(), c.responses(),
              c.contacts()), (a, b) -> new VariantCounts(a.stepId(), a.variant(), a.sent() + b.sent(),
              a.responses() + b.responses(), a.contacts() + b.contacts()));
        }
      }
    }
    List<VariantCounts> lines = new ArrayList<>();
    for (CadenceStep s : steps) {
      List<String> variants = new ArrayList<>();
      if (s.variants() != null) {
        variants.addAll(s.templateIds());
      }
      if (s.timingVariants() != null) {
        s.timingVariants().forEach(t -> variants.add(VariantLabel.of(null, StepTimings.label(t.timing()))));
      }
      variants.forEach(v -> lines.add(counted.getOrDefault(s.id() + "/" + v, new VariantCounts(s.id(), v, 0, 0, 0))));
    }
    return lines;
  }
}
