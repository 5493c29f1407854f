package com.leadcadence.workflows.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.PlanSwitchResult;
import com.leadcadence.workflows.model.PlanSwitchResult.Outcome;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanPositionTest {
  private static final Instant START = Instant.parse("2026-11-23T16:00:00Z");

  /** Steps "id@hours": an email at that many hours after the start. */
  private static CadencePlan plan(String name, int version, String... steps) {
    List<CadenceStep> list = Arrays.stream(steps).map(s -> {
      String[] parts = s.split("@");
      return CadenceStep.of(parts[0], Channel.EMAIL, "ack",
          StepTiming.afterStart(Duration.ofHours(Long.parseLong(parts[1]))));
    }).toList();
    return new CadencePlan(name, version, list, null);
  }

  private static Instant plannedAt(CadenceStep step) {
    return START.plus(step.timing().offset());
  }

  @Test
  void continuesAfterTheLastStepItWentThroughFoundById() {
    CadencePlan v1 = plan("std", 1, "ack@0", "call-1@0", "sms-1@1", "email-2@4", "email-final@48");
    CadencePlan v2 = plan("std", 2, "ack@0", "call-1@0", "sms-1@1", "sms-extra@2", "email-2@5", "email-final@48");

    PlanPosition position = PlanPosition.byStepId(v1, 3, Set.of(), v2);
    PlanSwitchResult result = position.result(v1, v2, "migration 1");

    assertEquals(Outcome.SWITCHED, position.outcome());
    assertEquals(3, position.nextIndex());
    assertEquals("sms-1", result.position());
    assertEquals("sms-extra", result.nextStepId());
    assertEquals(List.of(), result.alreadyDone());
    assertEquals(Set.of("ack", "call-1", "sms-1"), position.passed());
  }

  @Test
  void aStepItWentThroughThatTheNewPlanPutsLaterIsSkippedNotRepeated() {
    CadencePlan v1 = plan("std", 1, "ack@0", "sms-1@1", "email-3@24", "email-final@48");
    CadencePlan v3 = plan("std", 3, "ack@0", "email-3@24", "sms-1@30", "email-final@48");

    PlanPosition position = PlanPosition.byStepId(v1, 3, Set.of(), v3);
    PlanSwitchResult result = position.result(v1, v3, "migration 2");

    assertEquals(2, position.nextIndex(), "after email-3");
    assertEquals(List.of("sms-1"), result.alreadyDone());
    assertEquals("email-final", result.nextStepId());
  }

  @Test
  void aPositionMissingFromTheNewPlanHasNoCounterpart() {
    CadencePlan v1 = plan("std", 1, "ack@0", "sms-1@1", "email-final@48");
    CadencePlan v4 = plan("std", 4, "ack@0", "sms-2@1", "email-final@48");

    PlanSwitchResult result = PlanPosition.byStepId(v1, 2, Set.of(), v4).result(v1, v4, "migration 3");

    assertEquals(Outcome.NO_COUNTERPART, result.outcome());
    assertEquals("sms-1", result.position());
    assertNull(result.nextStepId());
  }

  @Test
  void aLeadThatWentThroughNothingStartsTheNewPlanAtItsFirstStep() {
    CadencePlan v1 = plan("std", 1, "ack@0", "sms-1@1");
    CadencePlan v2 = plan("std", 2, "welcome@0", "sms-1@1");

    PlanSwitchResult result = PlanPosition.byStepId(v1, 0, Set.of(), v2).result(v1, v2, "migration 4");

    assertEquals(Outcome.SWITCHED, result.outcome());
    assertNull(result.position());
    assertEquals("welcome", result.nextStepId());
  }

  @Test
  void stepsPassedInEarlierPlansCountToo() {
    CadencePlan b = plan("b", 1, "ack@0", "email-b@3", "email-final@48");
    CadencePlan a = plan("a", 1, "ack@0", "sms-1@1", "email-b@5", "email-final@48");

    // Went through sms-1 in a plan it left earlier, now at email-b in b.
    PlanPosition position = PlanPosition.byStepId(b, 2, Set.of("sms-1"), a);

    assertEquals(3, position.nextIndex());
    assertEquals(Set.of("ack", "email-b", "sms-1"), position.passed());
  }

  @Test
  void aGradeChangeWithoutTheStepByIdContinuesByPlannedTime() {
    CadencePlan nurture = plan("nurture", 1, "ack@0", "email-d1@24", "email-d5@120");
    CadencePlan hot = plan("hot", 1, "ack@0", "call-1@0", "sms-1@1", "call-2@30", "email-5@120", "email-30@720");

    PlanPosition position = PlanPosition.byStepIdOrTime(nurture, 2, Set.of(), hot, PlanPositionTest::plannedAt);
    PlanSwitchResult result = position.result(nurture, hot, "grade C to A");

    assertEquals(Outcome.SWITCHED, result.outcome());
    assertEquals("email-d1", result.position());
    assertEquals("call-2", result.nextStepId(), "the first hot step planned after day 1");
  }

  @Test
  void byTimeIsOnlyTheFallback() {
    CadencePlan b = plan("b", 1, "ack@0", "call-1@0", "email-b@3");
    CadencePlan a = plan("a", 1, "ack@0", "call-1@0", "sms-1@1", "call-2@2");

    PlanSwitchResult result = PlanPosition.byStepIdOrTime(b, 2, Set.of(), a, PlanPositionTest::plannedAt)
        .result(b, a, "grade B to A");

    assertEquals("sms-1", result.nextStepId(), "call-1 is in both plans");
  }
}
