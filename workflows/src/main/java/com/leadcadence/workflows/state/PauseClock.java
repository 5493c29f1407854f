package com.leadcadence.workflows.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A lead's pauses: whether it is paused now, since when, and the total time it spent paused, by which
 * the rest of its plan moves later. The workflow passes its own clock's time (Workflow time), so this
 * stays deterministic.
 */
public final class PauseClock {
  private boolean paused;
  private Instant pausedAt;
  private Duration shift = Duration.ZERO;

  /** True when this paused the lead (false: it was paused already). */
  public boolean pause(Instant now) {
    if (paused) {
      return false;
    }
    paused = true;
    pausedAt = now;
    return true;
  }

  /** True when this resumed the lead; the time since the pause moves the rest of the plan later. */
  public boolean resume(Instant now) {
    if (!paused) {
      return false;
    }
    shift = shift.plus(Duration.between(pausedAt, now));
    paused = false;
    pausedAt = null;
    return true;
  }

  /**
   * The cadence ended while paused: nothing is waiting for a resume any more. The pause's start is kept,
   * as the run's state has always carried it.
   */
  public void end() {
    paused = false;
  }

  public boolean isPaused() {
    return paused;
  }

  public Instant pausedAt() {
    return pausedAt;
  }

  public Duration shift() {
    return shift;
  }

  /** What a previous run handed over. */
  public void takeOver(boolean paused, Instant pausedAt, Duration shift) {
    this.paused = paused;
    this.pausedAt = pausedAt;
    this.shift = shift != null ? shift : Duration.ZERO;
  }
}
