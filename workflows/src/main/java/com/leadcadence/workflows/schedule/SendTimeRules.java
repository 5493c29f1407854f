package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to do with the next step at a given moment, decided again every time the workflow wakes (so
 * a late wake-up, a backlog or a long pause can never send outside the window):
 * <ol>
 *   <li>a channel gets at most one overdue step: once a late step of a channel ran at T, a step of
 *       that channel that was already due before T is skipped as stale;</li>
 *   <li>the step runs at the earliest instant that is no earlier than its on-time due time, the
 *       previous step and the catch-up spacing, and inside the channel's window (quiet hours in every
 *       zone of the lead, business hours for calls and drops);</li>
 *   <li>a step that could then only run more than its staleness limit after its on-time due time is
 *       skipped as stale (the acknowledgment never is);</li>
 *   <li>otherwise: send now if that instant is now, else wait until it and decide again.</li>
 * </ol>
 * Pure and deterministic: the workflow calls it with workflow time, the property test with anything.
 */
public final class SendTimeRules {
  /** A step started later than this after its on-time due time ran late (a catch-up). */
  public static final Duration ON_TIME_TOLERANCE = Duration.ofMinutes(1);
  public static final Duration TEXT_STALE_AFTER = Duration.ofHours(2);
  public static final Duration DROP_STALE_AFTER = Duration.ofHours(2);
  /** A vehicle-details email half a day late is still useful; a day late it reads as a glitch. */
  public static final Duration EMAIL_STALE_AFTER = Duration.ofHours(24);
  /** For a call step without an SLA of its own. */
  public static final Duration CALL_STALE_AFTER = Duration.ofMinutes(15);

  private final ContactWindow window;

  public SendTimeRules(ContactWindow window) {
    this.window = window;
  }

  /**
   * How late a step may run; null: never stale (the acknowledgment, anchored at receipt). The plan's limit
   * when it has one (the step's {@code staleAfter}, resolved from the plan file: the step's own, else the
   * plan's for the step's channel), else the channel's default: 2 hours for texts and drops, 24 hours for
   * emails, the call's SLA (15 minutes without one). Inputs recorded before plans had limits have none.
   */
  public static Duration staleAfter(CadenceStep step) {
    if (step.timing().anchor() == StepTiming.Anchor.RECEIPT) {
      return null;
    }
    if (step.staleAfter() != null) {
      return step.staleAfter();
    }
    return switch (step.channel()) {
      case SMS -> TEXT_STALE_AFTER;
      case VOICEMAIL -> DROP_STALE_AFTER;
      case EMAIL -> EMAIL_STALE_AFTER;
      case CALL -> step.callSla() != null ? step.callSla() : CALL_STALE_AFTER;
    };
  }

  /**
   * When the step would have been due had every wake-up been on time: its planned time, no earlier
   * than the on-time end of the step before (cursor), moved into the channel's window.
   */
  public Optional<Instant> onTime(Channel channel, Instant planned, Instant cursor) {
    return window.earliestAllowed(channel, latest(planned, cursor));
  }

  /**
   * A step as the workflow sees it now.
   *
   * @param onTime its on-time due time ({@link #onTime})
   * @param notBefore the previous step's start and the catch-up spacing (nullable)
   * @param staleAfter its staleness limit, null for never stale
   * @param channelCaughtUpAt when a late step of the same channel last ran (nullable)
   */
  public record Step(Channel channel, Instant onTime, Instant notBefore, Duration staleAfter,
      Instant channelCaughtUpAt) {}

  /** The decision for a step at {@code now}. */
  public sealed interface Decision {}

  /** Start it now; a send must begin before allowedUntil (null: no window, i.e. email). */
  public record Send(Instant allowedUntil) implements Decision {}

  /** Sleep until then, and decide again. */
  public record Wait(Instant until) implements Decision {}

  /** Skip it and record it as SKIPPED_STALE. */
  public record Stale(String reason) implements Decision {}

  /** The lead's waking hours and the dealership's opening hours never meet: skip it. */
  public record Never() implements Decision {}

  public Decision decide(Step step, Instant now) {
    if (step.staleAfter() != null && step.channelCaughtUpAt() != null
        && step.onTime().isBefore(step.channelCaughtUpAt())) {
      return new Stale(step.channel() + " already had its overdue step at " + step.channelCaughtUpAt()
          + "; this one was due at " + step.onTime());
    }
    Optional<Instant> at = window.earliestAllowed(step.channel(), latest(latest(step.onTime(), step.notBefore()), now));
    if (at.isEmpty()) {
      return new Never();
    }
    if (step.staleAfter() != null && Duration.between(step.onTime(), at.get()).compareTo(step.staleAfter()) > 0) {
      return new Stale("due at " + step.onTime() + ", could run at " + at.get() + ": more than "
          + step.staleAfter() + " late");
    }
    if (at.get().isAfter(now)) {
      return new Wait(at.get());
    }
    return new Send(window.allowedUntil(step.channel(), now).orElse(null));
  }

  /**
   * Catch-up spacing: after a late step that was due at lateOnTime ran at lateAt, a step that was
   * already due by then keeps its planned distance from it instead of following at once.
   */
  public static Instant spacedAfterCatchUp(Instant onTime, Instant lateAt, Instant lateOnTime) {
    if (lateAt == null || lateOnTime == null || !onTime.isBefore(lateAt)) {
      return null;
    }
    Duration gap = Duration.between(lateOnTime, onTime);
    return lateAt.plus(gap.isNegative() ? Duration.ZERO : gap);
  }

  /** True when a step due at onTime that started at startedAt ran late (beyond the tolerance). */
  public static boolean ranLate(Instant onTime, Instant startedAt) {
    return Duration.between(onTime, startedAt).compareTo(ON_TIME_TOLERANCE) > 0;
  }

  private static Instant latest(Instant a, Instant b) {
    if (b == null) {
      return a;
    }
    return b.isAfter(a) ? b : a;
  }
}
