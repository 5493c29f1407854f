package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepCountsTest {

  @Test
  void theAcknowledgmentIsPerformedButNoFollowUpAttempt() {
    StepCounts counts = new StepCounts();
    CadenceStep ack = CadenceStep.of("ack", Channel.EMAIL, "ack", StepTiming.atReceipt());
    CadenceStep call = CadenceStep.of("call-1", Channel.CALL, "call", StepTiming.afterStart(Duration.ZERO));

    counts.performed(ack);
    counts.performed(call);
    counts.failed();
    counts.stale();
    counts.stale();
    counts.cancelled();

    assertEquals(2, counts.performed());
    assertEquals(1, counts.attempts());
    assertEquals(1, counts.failedSteps());
    assertEquals(2, counts.staleSteps());
    assertEquals(1, counts.cancelledSteps());
  }

  @Test
  void aContinuedRunCountsOnFromThePreviousRuns() {
    StepCounts counts = new StepCounts();
    counts.takeOver(9, 8, 1, 2, 3);

    counts.performed(CadenceStep.of("sms-4", Channel.SMS, "follow-up", StepTiming.afterStart(Duration.ofDays(9))));

    assertEquals(10, counts.performed());
    assertEquals(9, counts.attempts());
    assertEquals(3, counts.cancelledSteps());
  }
}
