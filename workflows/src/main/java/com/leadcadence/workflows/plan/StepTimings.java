package com.leadcadence.workflows.plan;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TimingVariant;
import java.time.Duration;
import java.util.List;

/**
 * A step's timing for one lead: its one timing, or, on a step with A/B timings, the timing variant the lead
 * gets (by {@link VariantChoice} over "leadId:stepId:timing"; the same on every replay, worker and JVM). Plain
 * and deterministic: the workflow plans with it and the touch activity labels the touch with it.
 */
public final class StepTimings {
  private StepTimings() {}

  /** When step {@code step} is due for lead {@code leadId} (the step's timing when it has no timing variants). */
  public static StepTiming timingFor(CadenceStep step, long leadId) {
    TimingVariant chosen = chosen(leadId, step.id(), step.timingVariants());
    return chosen == null ? step.timing() : chosen.timing();
  }

  /** The timing variant lead {@code leadId} gets at step {@code stepId}; null when there are none. */
  public static TimingVariant chosen(long leadId, String stepId, List<TimingVariant> timingVariants) {
    if (timingVariants == null || timingVariants.isEmpty()) {
      return null;
    }
    return VariantChoice.pick(leadId + ":" + stepId + ":timing", stepId, timingVariants, TimingVariant::weight);
  }

  /**
   * A timing as the touches, the variants route and the funnel name it: "day 2 at 17:30", "+4h5m" (from the
   * cadence start), "at receipt". A preference (morning, evening...) is named by the time it stands for.
   */
  public static String label(StepTiming timing) {
    return switch (timing.anchor()) {
      case RECEIPT -> "at receipt";
      case START -> "+" + compact(timing.offset());
      case DAY -> "day " + timing.day() + " at " + timing.at();
    };
  }

  /** 0m, 15m, 4h5m, 2d, 1d2h: the plan files' short form. */
  private static String compact(Duration d) {
    StringBuilder out = new StringBuilder();
    if (d.toDays() > 0) {
      out.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      out.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0 || out.isEmpty()) {
      out.append(d.toMinutesPart()).append('m');
    }
    return out.toString();
  }
}
