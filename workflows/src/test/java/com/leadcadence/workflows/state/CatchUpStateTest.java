package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.schedule.SendTimeRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatchUpStateTest {
  private static final Instant DUE = Instant.parse("2026-06-10T15:00:00Z");
  private static final Duration TWO_HOURS = Duration.ofHours(2);

  @Test
  void anOnTimeStepMovesTheCursorByTheTimeItTookAndCatchesNothingUp() {
    CatchUpState state = new CatchUpState();

    state.performed(Channel.SMS, DUE, DUE.plusSeconds(20), DUE.plusSeconds(25), true);

    assertEquals(DUE.plusSeconds(5), state.onTimeCursor());
    assertNull(state.lateStepAt());
    assertEquals(Map.of(), state.caughtUpAt());
  }

  @Test
  void aLateStepIsItsChannelsCatchUpAndTheNextStepsKeepTheirSpacingAfterIt() {
    CatchUpState state = new CatchUpState();
    Instant ranAt = DUE.plus(Duration.ofHours(10));
    state.performed(Channel.SMS, DUE, ranAt, ranAt.plusSeconds(1), true);

    assertEquals(Map.of(Channel.SMS, ranAt), state.caughtUpAt());
    // A call that was due an hour after the late text, and is overdue too, waits its hour after it.
    Instant callOnTime = DUE.plus(Duration.ofHours(1));
    SendTimeRules.Step call = state.step(Channel.CALL, callOnTime, ranAt, Duration.ofMinutes(15));
    assertEquals(ranAt.plus(Duration.ofHours(1)), call.notBefore());
    assertNull(call.channelCaughtUpAt());
    // A second overdue text finds its channel's catch-up used.
    SendTimeRules.Step text = state.step(Channel.SMS, callOnTime, ranAt, TWO_HOURS);
    assertEquals(ranAt, text.channelCaughtUpAt());
  }

  @Test
  void aLateStepThatWasNotSentIsNoCatchUp() {
    CatchUpState state = new CatchUpState();
    Instant ranAt = DUE.plus(Duration.ofHours(10));

    state.performed(Channel.SMS, DUE, ranAt, ranAt.plusSeconds(3), false);

    assertEquals(Map.of(), state.caughtUpAt());
    assertEquals(DUE.plusSeconds(3), state.onTimeCursor());
  }

  @Test
  void aRefusalHoldsTheStepBackUntilTheLeadMovesOn() {
    CatchUpState state = new CatchUpState();
    Instant lastStep = DUE.minus(Duration.ofHours(1));
    state.refused(DUE.plus(Duration.ofMinutes(5)));

    assertEquals(DUE.plus(Duration.ofMinutes(5)), state.notBefore(lastStep));
    assertEquals(DUE.plus(Duration.ofMinutes(5)), state.step(Channel.SMS, DUE, lastStep, TWO_HOURS).notBefore());

    state.movedOn();
    assertEquals(lastStep, state.notBefore(lastStep));
    assertNull(state.refusedUntil());
  }

  @Test
  void aStaleStepMovesTheCursorToItsOnTimeDueTime() {
    CatchUpState state = new CatchUpState();

    state.skippedStale(DUE);

    assertEquals(DUE, state.onTimeCursor());
  }

  @Test
  void takingOverGoesOnWithThePreviousRunsCatchUps() {
    CatchUpState state = new CatchUpState();
    Instant ranAt = DUE.plus(Duration.ofHours(3));

    state.takeOver(DUE, ranAt, DUE, Map.of(Channel.EMAIL, ranAt), null);

    assertEquals(Map.of(Channel.EMAIL, ranAt), state.caughtUpAt());
    assertEquals(ranAt, state.lateStepAt());
    assertEquals(DUE, state.lateStepOnTime());
    assertEquals(DUE, state.onTimeCursor());
    state.takeOver(null, null, null, null, null);
    assertEquals(Map.of(Channel.EMAIL, ranAt), state.caughtUpAt(), "a run's catch-ups are only ever added to");
  }
}
