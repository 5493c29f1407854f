package com.leadcadence.worker.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.plan.DefaultCadencePlans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plan files in config/cadences are today's Java plans, field by field. */
class DefaultPlanFilesTest {
  static final Path PLANS = Path.of("..", "config", "cadences");
  static final MessageTemplates TEMPLATES = new MessageTemplates(Path.of("..", "config", "templates"));

  @Test
  void theFilesGiveEachGradeExactlyTheJavaPlan() {
    CadencePlans plans = new CadencePlanLoader(TEMPLATES).load(PLANS);
    for (Grade grade : Grade.values()) {
      CadencePlan expected = DefaultCadencePlans.forGrade(grade);
      CadencePlan loaded = plans.forLead(grade, "website");
      assertEquals(expected.name(), loaded.name(), grade + " name");
      assertEquals(expected.version(), loaded.version(), grade + " version");
      assertEquals(expected.managerAlertAfter(), loaded.managerAlertAfter(), grade + " managerAlertAfter");
      assertEquals(expected.steps().size(), loaded.steps().size(), grade + " step count");
      for (int i = 0; i < expected.steps().size(); i++) {
        assertEquals(expected.steps().get(i), loaded.steps().get(i), grade + " step " + i);
      }
      assertEquals(expected, loaded, grade.name());
    }
  }
}
