package com.leadcadence.workflows.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultCadencePlansTest {

  @Test
  void activeGradesMakeTenToFifteenAttemptsAfterTheAcknowledgment() {
    for (Grade grade : new Grade[] {Grade.A, Grade.B, Grade.C}) {
      CadencePlan plan = DefaultCadencePlans.forGrade(grade);
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
    CadencePlan plan = DefaultCadencePlans.forGrade(Grade.B);
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
    assertEquals(Duration.ofMinutes(15), DefaultCadencePlans.forGrade(Grade.A).managerAlertAfter());
    assertNull(DefaultCadencePlans.forGrade(Grade.B).managerAlertAfter());
    assertTrue(DefaultCadencePlans.forGrade(Grade.D).steps().isEmpty());
  }

  @Test
  void stepIdsAreUniqueWithinAPlanAndEveryTemplateIsListed() {
    Set<TemplateRef> refs = DefaultCadencePlans.templateRefs();
    for (Grade grade : Grade.values()) {
      Set<String> ids = new HashSet<>();
      for (CadenceStep step : DefaultCadencePlans.forGrade(grade).steps()) {
        assertTrue(ids.add(step.id()), grade + " repeats " + step.id());
        assertTrue(refs.contains(new TemplateRef(step.channel(), step.templateId())));
        assertNotNull(step.timing());
      }
    }
  }
}
