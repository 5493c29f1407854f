package com.leadcadence.api.cadences;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.worker.plans.CadencePlanValidator.ValidPlan;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.worker.plans.PlanFile;
import java.util.List;

/**
 * The cadence plans a dealership's leads get, in the plan files' form (what a file says, tidied). Every
 * dealership has the defaults read at start from {@code cadencesDir}: plans of its own are not stored yet.
 */
public final class DealershipCadences {
  private final CadencePlans defaults;

  public DealershipCadences(CadencePlans defaults) {
    this.defaults = defaults;
  }

  public List<PlanFile> list() {
    return defaults.all().stream().map(ValidPlan::written).toList();
  }

  /** 404 for a name no plan has. */
  public PlanFile get(String name) {
    return defaults.named(name).map(ValidPlan::written).orElseThrow(() -> ApiException.notFound("cadence plan"));
  }
}
