package com.leadcadence.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every activity heartbeats while it runs, from a side thread, so that a short heartbeat timeout
 * tells a running send (a slow provider, up to its capped timeouts) from one that never reached a
 * worker (a poll answer lost in a network outage): the lost one is retried after the heartbeat timeout
 * instead of after the long start-to-close. An activity whose thread hangs still ends at start-to-close.
 */
public final class ActivityHeartbeats extends WorkerInterceptorBase {
  /** Well inside the workflows' heartbeat timeouts (ProviderTimeouts.SEND_HEARTBEAT). */
  static final Duration EVERY = ProviderTimeouts.SEND_HEARTBEAT.dividedBy(5);

  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "activity-heartbeats");
    t.setDaemon(true);
    return t;
  });

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ScheduledFuture<?> beat = beats.scheduleAtFixedRate(this::heartbeat, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beat.cancel(false);
        }
      }

      private void heartbeat() {
        try {
          context.heartbeat(null);
        } catch (RuntimeException e) {
          // cancelled or timed out at the server: the activity's own result decides; nothing to do here
        }
      }
    };
  }
}
