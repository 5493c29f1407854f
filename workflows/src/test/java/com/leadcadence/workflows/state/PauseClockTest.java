package com.leadcadence.workflows.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PauseClockTest {
  private static final Instant T0 = Instant.parse("2026-03-08T15:00:00Z");

  @Test
  void everyPauseMovesTheRestOfThePlanByItsLength() {
    PauseClock pauses = new PauseClock();
    assertTrue(pauses.pause(T0));
    assertFalse(pauses.pause(T0.plusSeconds(60)), "paused already: the first pause's start counts");
    assertTrue(pauses.isPaused());
    assertEquals(T0, pauses.pausedAt());

    assertTrue(pauses.resume(T0.plus(Duration.ofHours(2))));
    assertFalse(pauses.resume(T0.plus(Duration.ofHours(3))), "not paused: nothing to resume");
    assertTrue(pauses.pause(T0.plus(Duration.ofDays(1))));
    assertTrue(pauses.resume(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30))));

    assertFalse(pauses.isPaused());
    assertNull(pauses.pausedAt());
    assertEquals(Duration.ofMinutes(150), pauses.shift());
  }

  @Test
  void anEndWhilePausedStopsWaitingWithoutShiftingThePlan() {
    PauseClock pauses = new PauseClock();
    pauses.pause(T0);

    pauses.end();

    assertFalse(pauses.isPaused());
    assertEquals(Duration.ZERO, pauses.shift());
  }

  @Test
  void takingOverGoesOnWithThePreviousRunsPause() {
    PauseClock pauses = new PauseClock();
    pauses.takeOver(true, T0, Duration.ofHours(1));

    assertTrue(pauses.resume(T0.plus(Duration.ofHours(1))));
    assertEquals(Duration.ofHours(2), pauses.shift());

    pauses.takeOver(false, null, null);
    assertEquals(Duration.ZERO, pauses.shift(), "a run from before pauses were carried has no shift");
  }
}
