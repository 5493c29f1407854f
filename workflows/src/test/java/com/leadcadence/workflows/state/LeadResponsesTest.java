package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.StepCondition;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadResponsesTest {

  private static CadenceStep stepWhen(StepCondition... conditions) {
    return new CadenceStep("sms-2", Channel.SMS, "follow-up", StepTiming.afterStart(Duration.ofHours(2)), null,
        null, null, List.of(conditions));
  }

  @Test
  void aStepWithoutConditionsAlwaysRuns() {
    LeadResponses responses = new LeadResponses();
    responses.engaged(EngagementType.EMAIL_REPLY);

    assertEquals(Optional.empty(), responses.unmetCondition(stepWhen(), true));
  }

  @Test
  void conditionsAskTheLatestOutcomeTheRepliesAndTheOpens() {
    LeadResponses responses = new LeadResponses();
    CadenceStep afterNoAnswer = stepWhen(StepCondition.LAST_CALL_NO_ANSWER);
    CadenceStep unanswered = stepWhen(StepCondition.NO_REPLY, StepCondition.EMAIL_NOT_OPENED);

    assertEquals(Optional.of(StepCondition.LAST_CALL_NO_ANSWER), responses.unmetCondition(afterNoAnswer, false));
    responses.reported(OutcomeType.NO_ANSWER);
    assertEquals(Optional.empty(), responses.unmetCondition(afterNoAnswer, false));
    responses.reported(OutcomeType.LEFT_VOICEMAIL);
    assertEquals(Optional.of(StepCondition.LAST_CALL_NO_ANSWER), responses.unmetCondition(afterNoAnswer, false),
        "the latest outcome counts, not any");

    assertEquals(Optional.empty(), responses.unmetCondition(unanswered, false));
    assertEquals(Optional.of(StepCondition.NO_REPLY), responses.unmetCondition(unanswered, true), "a text reply");
    responses.engaged(EngagementType.EMAIL_CLICK);
    assertEquals(Optional.of(StepCondition.EMAIL_NOT_OPENED), responses.unmetCondition(unanswered, false));
    responses.engaged(EngagementType.EMAIL_REPLY);
    assertEquals(Optional.of(StepCondition.NO_REPLY), responses.unmetCondition(unanswered, false));
  }

  @Test
  void outcomesAreCountedAndAContactIsRemembered() {
    LeadResponses responses = new LeadResponses();

    assertEquals(1, responses.reported(OutcomeType.NO_ANSWER));
    assertEquals(2, responses.reported(OutcomeType.CONTACTED));
    responses.contacted();

    assertTrue(responses.contactMade());
    assertEquals(OutcomeType.CONTACTED, responses.lastOutcome());
    assertEquals(2, responses.outcomeCount());
  }

  @Test
  void aDuplicatesReInquiryCountsOnce() {
    LeadResponses responses = new LeadResponses();

    assertTrue(responses.firstReInquiry("lead 42"));
    assertFalse(responses.firstReInquiry("lead 42"));
    assertTrue(responses.firstReInquiry("lead 43"));
    assertEquals(Set.of("lead 42", "lead 43"), responses.reInquiries());
  }

  @Test
  void takingOverAContinuationFromBeforeTheEmailFlagsReadsThemAsNotSeen() {
    LeadResponses responses = new LeadResponses();

    responses.takeOver(true, OutcomeType.NO_ANSWER, 3, null, null, Boolean.TRUE);

    assertTrue(responses.contactMade());
    assertEquals(3, responses.outcomeCount());
    assertFalse(responses.emailReplied());
    assertTrue(responses.emailOpened());
    assertEquals(Set.of(), responses.reInquiries());
    assertEquals(4, responses.reported(OutcomeType.NO_ANSWER));
  }
}
