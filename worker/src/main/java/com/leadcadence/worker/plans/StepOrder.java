package com.leadcadence.worker.plans;

import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.StepTiming.Anchor;
import java.time.Duration;

/**
 * Whether a step's timing can fall before the previous step's, for any start time. Steps run in plan
 * order, so such a step would run late (after the previous one) rather than at its time. A "+offset" is
 * counted from the cadence start, which may be at any time of its day; "day N at HH:MM" is fixed on the
 * lead's clock; the receipt comes before everything.
 */
final class StepOrder {
  private static final Duration DAY = Duration.ofDays(1);

  private StepOrder() {}

  static boolean mayComeBefore(StepTiming current, StepTiming previous) {
    if (previous.anchor() == Anchor.RECEIPT) {
      return false;
    }
    if (current.anchor() == Anchor.RECEIPT) {
      return true;
    }
    // Both measured from the start day's midnight: a START step falls in [offset, 1 day + offset).
    Duration earliest = current.anchor() == Anchor.START ? current.offset() : fixed(current);
    Duration latest = previous.anchor() == Anchor.START
        ? (current.anchor() == Anchor.START ? previous.offset() : DAY.plus(previous.offset()))
        : fixed(previous);
    return earliest.compareTo(latest) < 0;
  }

  /** The last day (from the start's day, 0) on which the step can fall. */
  static long latestDay(StepTiming timing) {
    return switch (timing.anchor()) {
      case RECEIPT -> 0;
      case START -> DAY.plus(timing.offset()).minusNanos(1).toDays();
      case DAY -> timing.day();
    };
  }

  static String describe(StepTiming timing) {
    return switch (timing.anchor()) {
      case RECEIPT -> "at receipt";
      case START -> "+" + timing.offset().toString().substring(2).toLowerCase();
      case DAY -> "day " + timing.day() + " at " + timing.at();
    };
  }

  private static Duration fixed(StepTiming dayTiming) {
    return DAY.multipliedBy(dayTiming.day()).plusSeconds(dayTiming.at().toSecondOfDay());
  }
}
