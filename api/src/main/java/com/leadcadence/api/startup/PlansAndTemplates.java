package com.leadcadence.api.startup;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import java.nio.file.Path;

/**
 * The cadence plans and the message templates they name, both checked before anything runs: a plan
 * naming a missing template, or a template that would not render, stops the start (with every problem,
 * one line each), not a lead on day 14.
 */
public record PlansAndTemplates(CadencePlans plans, MessageTemplates templates) {

  public static PlansAndTemplates load(String templatesDir, String cadencesDir) {
    MessageTemplates templates;
    try {
      templates = new MessageTemplates(Path.of(templatesDir));
    } catch (IllegalStateException e) {
      throw new StartupFailure("message templates are not usable: " + e.getMessage(), e);
    }
    CadencePlans plans;
    try {
      plans = new CadencePlanLoader(templates).load(Path.of(cadencesDir));
    } catch (IllegalStateException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
    try {
      templates.verify(plans.templateRefs());
    } catch (IllegalStateException e) {
      throw new StartupFailure("message templates are not usable: " + e.getMessage(), e);
    }
    return new PlansAndTemplates(plans, templates);
  }
}
