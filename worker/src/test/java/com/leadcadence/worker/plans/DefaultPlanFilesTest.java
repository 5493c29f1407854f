package com.leadcadence.worker.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.StepTiming;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The plan files in config/cadences: exactly the plans that were Java code until 0.1.0, field by field
 * (so the 30-day cadence tests, which run the files, see the same cadence), and what the product
 * promises of them.
 */
class DefaultPlanFilesTest {
  static final MessageTemplates TEMPLATES = new MessageTemplates(Path.of("..", "config", "templates"));
  private static final CadencePlans PLANS = new CadencePlanLoader(TEMPLATES).load(Path.of("..", "config", "cadences"));

  @Test
  void theFilesGiveEachGradeExactlyTheJavaPlan() {
    for (Grade grade : Grade.values()) {
      CadencePlan expected = DefaultCadencePlans.forGrade(grade);
      CadencePlan loaded = PLANS.forLead(grade, "website");
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

  @Test
  void everyTemplateThePlansNameRenders() {
    TEMPLATES.verify(PLANS.templateRefs());
  }

  @Test
  void activeGradesMakeTenToFifteenAttemptsAfterTheAcknowledgment() {
    for (Grade grade : new Grade[] {Grade.A, Grade.B, Grade.C}) {
      CadencePlan plan = PLANS.forLead(grade, "website");
      CadenceStep first = plan.steps().get(0);
      assertEquals(Channel.EMAIL, first.channel(), grade + " starts with an email");
      assertEquals(StepTiming.Anchor.RECEIPT, first.timing().anchor());
      long attempts = plan.steps().stream().filter(s -> s.timing().anchor() != StepTiming.Anchor.RECEIPT).count();
      assertTrue(attempts >= 10 && attempts <= 15, grade + ": " + attempts);
      CadenceStep last = plan.steps().get(plan.steps().size() - 1);
      assertEquals(30, last.timing().day(), grade + " ends on day 30");
      assertEquals(Channel.CALL, plan.steps().get(1).channel(), grade + ": a call task right after the email");
    }
  }

  @Test
  void theFirstCallIsATaskDueInFiveMinutesAndTheTextFollowsANoAnswer() {
    CadencePlan plan = PLANS.forLead(Grade.B, "website");
    CadenceStep call = plan.steps().get(1);
    assertEquals(Channel.CALL, call.channel());
    assertEquals(Duration.ZERO, call.timing().offset());
    assertEquals(Duration.ofMinutes(5), call.callSla());
    CadenceStep text = plan.steps().get(2);
    assertEquals(Channel.SMS, text.channel());
    assertEquals(Duration.ZERO, text.onNoAnswerWithin(), "the follow-up text goes out at once");
  }

  @Test
  void onlyHotLeadsAlertAManagerAndLowLeadsGetNothing() {
    assertEquals(Duration.ofMinutes(15), PLANS.forLead(Grade.A, "website").managerAlertAfter());
    assertNull(PLANS.forLead(Grade.B, "website").managerAlertAfter());
    assertTrue(PLANS.forLead(Grade.D, "website").steps().isEmpty());
  }
}
