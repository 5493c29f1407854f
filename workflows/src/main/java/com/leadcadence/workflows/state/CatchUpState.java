package com.leadcadence.workflows.state;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.schedule.SendTimeRules;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the send-time rules ({@link SendTimeRules}) remember from one step to the next: when the previous
 * step would have ended had every wake-up been on time (the cursor later steps are timed from), the
 * latest step that ran late (the next ones keep their spacing after it), each channel's one catch-up,
 * and how long a step the activity refused for lateness waits before it is decided again.
 */
public final class CatchUpState {
  private Instant onTimeCursor;
  private Instant lateStepAt;
  private Instant lateStepOnTime;
  private final Map<Channel, Instant> caughtUpAt = new EnumMap<>(Channel.class);
  private Instant refusedUntil;

  /** A step runs no earlier than the previous one, nor while a refusal's back-off lasts. */
  public Instant notBefore(Instant lastStepAt) {
    return latestOf(lastStepAt, refusedUntil);
  }

  /** When the step was due had every wake-up before it been on time; empty: its channel never opens. */
  public Optional<Instant> onTime(SendTimeRules rules, Channel channel, Instant planned) {
    return rules.onTime(channel, planned, onTimeCursor);
  }

  /** The step as the rules decide it: spaced after the latest catch-up, once per channel. */
  public SendTimeRules.Step step(Channel channel, Instant onTime, Instant lastStepAt, Duration staleAfter) {
    Instant notBefore = latestOf(notBefore(lastStepAt),
        SendTimeRules.spacedAfterCatchUp(onTime, lateStepAt, lateStepOnTime));
    return new SendTimeRules.Step(channel, onTime, notBefore, staleAfter, caughtUpAt.get(channel));
  }

  /** A stale step was skipped: the plan goes on from its on-time due time. */
  public void skippedStale(Instant onTime) {
    onTimeCursor = onTime;
  }

  /** The activity refused to start the step this late: decided again no sooner than until. */
  public void refused(Instant until) {
    refusedUntil = until;
  }

  /** The lead moved on to another step (or plan): a refusal of the one before no longer holds it back. */
  public void movedOn() {
    refusedUntil = null;
  }

  /**
   * A step due at onTime started at startedAt and was done at finishedAt. Sent late, it is its channel's
   * catch-up; either way the cursor moves on by the time the step took.
   */
  public void performed(Channel channel, Instant onTime, Instant startedAt, Instant finishedAt, boolean sent) {
    if (sent && SendTimeRules.ranLate(onTime, startedAt)) {
      lateStepAt = startedAt;
      lateStepOnTime = onTime;
      caughtUpAt.put(channel, startedAt);
    }
    onTimeCursor = onTime.plus(Duration.between(startedAt, finishedAt));
  }

  public Instant onTimeCursor() {
    return onTimeCursor;
  }

  public Instant lateStepAt() {
    return lateStepAt;
  }

  public Instant lateStepOnTime() {
    return lateStepOnTime;
  }

  public EnumMap<Channel, Instant> caughtUpAt() {
    return new EnumMap<>(caughtUpAt);
  }

  public Instant refusedUntil() {
    return refusedUntil;
  }

  /** What a previous run handed over. */
  public void takeOver(Instant onTimeCursor, Instant lateStepAt, Instant lateStepOnTime,
      Map<Channel, Instant> caughtUpAt, Instant refusedUntil) {
    this.onTimeCursor = onTimeCursor;
    this.lateStepAt = lateStepAt;
    this.lateStepOnTime = lateStepOnTime;
    if (caughtUpAt != null) {
      this.caughtUpAt.putAll(caughtUpAt);
    }
    this.refusedUntil = refusedUntil;
  }

  private static Instant latestOf(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }
}
