package com.leadcadence.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Version 1 of {@link LeadCadenceWorkflowImpl#READABLE_HISTORY}: activities and timers carry summaries for
 * the Temporal UI, and a timed wait is a summarised timer, cancelled once its condition holds. A run asks
 * for the version once, at the first call that depends on it; runs recorded before it replay as they
 * ran, without summaries.
 */
final class ReadableHistory {
  private Integer version;

  int version() {
    if (version == null) {
      version = Workflow.getVersion(LeadCadenceWorkflowImpl.READABLE_HISTORY, Workflow.DEFAULT_VERSION, 1);
    }
    return version;
  }

  /** The stub itself before the version; after it, a stub with the same options and this summary. */
  <T> T stub(Class<T> type, T plain, ActivityOptions options, String summary) {
    if (version() < 1) {
      return plain;
    }
    return Workflow.newActivityStub(type, options.toBuilder().setSummary(summary).build());
  }

  /**
   * Waits until the condition holds or the time has passed; true when the condition ended the wait.
   * Before the version, {@code Workflow.await(Duration, ...)} as recorded (its timer commands depend on
   * an SDK flag of the recording worker); after it, a timer with a summary that an early wake-up cancels,
   * so that no timer is left behind.
   */
  boolean await(Duration wait, String summary, Supplier<Boolean> condition) {
    if (version() < 1) {
      return Workflow.await(wait, condition);
    }
    if (condition.get()) {
      return true;
    }
    List<Promise<Void>> timer = new ArrayList<>(1);
    CancellationScope scope = Workflow.newCancellationScope(
        () -> timer.add(Workflow.newTimer(wait, TimerOptions.newBuilder().setSummary(summary).build())));
    scope.run();
    Workflow.await(() -> timer.get(0).isCompleted() || condition.get());
    boolean woken = !timer.get(0).isCompleted();
    if (woken) {
      scope.cancel("the wait's condition holds");
    }
    return woken;
  }
}
