package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.plan.PlanPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanCursorTest {
  private static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");

  private static CadenceStep email(String id, int hours) {
    return CadenceStep.of(id, Channel.EMAIL, "ack", StepTiming.afterStart(Duration.ofHours(hours)));
  }

  private static CadenceStep text(String id, int hours, Duration afterNoAnswer) {
    return CadenceStep.of(id, Channel.SMS, "follow-up", StepTiming.afterStart(Duration.ofHours(hours)))
        .withNoAnswerFollowUp(afterNoAnswer);
  }

  private static final CadencePlan V1 = new CadencePlan("std", 1, List.of(email("ack", 0), email("email-2", 4),
      text("sms-1", 24, Duration.ofMinutes(10)), email("final", 48)), null);

  @Test
  void aNoAnswerPullsTheNextFollowUpTextAndADecidedStepForgetsItsPull() {
    PlanCursor cursor = new PlanCursor(V1);
    cursor.done(0);

    cursor.pullFollowUpAfterNoAnswer(NOW);

    assertEquals(NOW.plus(Duration.ofMinutes(10)), cursor.pulledTo(2));
    assertNull(cursor.pulledTo(1));
    cursor.done(2);
    assertNull(cursor.pulledTo(2));
    assertEquals(3, cursor.nextIndex());
  }

  @Test
  void aSkipOfTheOldLoopKeepsThePullAsItsHistoriesRecorded() {
    PlanCursor cursor = new PlanCursor(V1);
    cursor.pullFollowUpAfterNoAnswer(NOW);

    cursor.skipKeepingPull(2);

    assertEquals(3, cursor.nextIndex());
    assertEquals(NOW.plus(Duration.ofMinutes(10)), cursor.pulledTo(2));
  }

  @Test
  void aSwitchCarriesThePullByStepIdAndNumbersTouchesPastTheOldPlan() {
    PlanCursor cursor = new PlanCursor(V1);
    cursor.done(0);
    cursor.done(1);
    cursor.pullFollowUpAfterNoAnswer(NOW);
    CadencePlan v2 = new CadencePlan("std", 2, List.of(email("ack", 0), email("email-2", 4),
        email("email-extra", 6), text("sms-1", 24, Duration.ofMinutes(10)), email("final", 48)), null);

    PlanPosition position = cursor.positionIn(v2);
    cursor.moveTo(v2, position);

    assertEquals(v2, cursor.plan());
    assertEquals(2, cursor.nextIndex(), "after email-2, the last step it went through");
    assertEquals(Map.of(3, NOW.plus(Duration.ofMinutes(10))), cursor.pulledForward(), "sms-1 is index 3 now");
    assertEquals(4 + 2, cursor.touchIndex(2), "touch numbers continue past the four of plan 1");
    assertEquals(4, cursor.touchIndexBase());
    assertEquals(Set.of("ack", "email-2"), cursor.passedStepIds());
    assertTrue(cursor.wentThrough(email("email-2", 4)));
    assertFalse(cursor.pastTheEnd());
  }

  @Test
  void aNewCursorHandsOverNothingAndTakesOverWhatItIsGiven() {
    PlanCursor fresh = new PlanCursor(V1);
    assertNull(fresh.passedStepIds());
    assertNull(fresh.touchIndexBase());
    assertEquals(Map.of(), fresh.pulledForward());

    PlanCursor continued = new PlanCursor(V1);
    continued.takeOver(4, Map.of(2, NOW), Set.of("ack"), 7);

    assertTrue(continued.pastTheEnd());
    assertEquals(NOW, continued.pulledTo(2));
    assertEquals(Set.of("ack"), continued.passedStepIds());
    assertEquals(7, continued.touchIndex(0));
  }
}
