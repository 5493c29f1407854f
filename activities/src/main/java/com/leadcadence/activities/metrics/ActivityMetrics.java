package com.leadcadence.activities.metrics;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.store.rows.TaskKind;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The activities' own series (Prometheus names in the comments). Tags are bounded enums only, never a
 * lead, an address or a dealership: one series per (channel, result, reason) and the like.
 */
public final class ActivityMetrics {
  /** {@code leadcadence_touches_total{channel,result,reason}}. */
  public static final String TOUCHES = "leadcadence.touches";
  /** {@code leadcadence_task_sla_breaches_total{kind,stage}}: stage overdue or escalated. */
  public static final String TASK_SLA_BREACHES = "leadcadence.task.sla.breaches";
  /** {@code leadcadence_outbound_webhook_attempts_total{result}}: delivered, http_4xx, http_5xx, ... */
  public static final String OUTBOUND_WEBHOOK_ATTEMPTS = "leadcadence.outbound.webhook.attempts";
  /** {@code leadcadence_outbound_webhook_deliveries_failed_total}: deliveries given up for good. */
  public static final String OUTBOUND_WEBHOOK_FAILED = "leadcadence.outbound.webhook.deliveries.failed";

  /** The results an outbound webhook attempt can have. */
  public static final List<String> OUTBOUND_RESULTS =
      List.of("delivered", "http_4xx", "http_5xx", "http_other", "no_answer", "url_refused", "interrupted");
  public static final List<String> SLA_STAGES = List.of("overdue", "escalated");

  private final MeterRegistry registry;

  public ActivityMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /*
   * The declare methods register every series an activity can move, at zero, when the activity is built:
   * a dashboard then shows 0 instead of "no data", and rate() has a start. The tag sets are bounded.
   */

  public void declareTouches() {
    for (Channel channel : Channel.values()) {
      for (TouchOutcome outcome : TouchOutcome.values()) {
        if (outcome.appliesTo(channel)) {
          registry.counter(TOUCHES, "channel", tag(channel), "result", outcome.result(), "reason", outcome.reason());
        }
      }
    }
  }

  public void declareTaskSlaBreaches() {
    for (TaskKind kind : TaskKind.values()) {
      SLA_STAGES.forEach(stage -> registry.counter(TASK_SLA_BREACHES, "kind", tag(kind), "stage", stage));
    }
  }

  public void declareOutboundWebhooks() {
    OUTBOUND_RESULTS.forEach(result -> registry.counter(OUTBOUND_WEBHOOK_ATTEMPTS, "result", result));
    registry.counter(OUTBOUND_WEBHOOK_FAILED);
  }

  public void touch(Channel channel, TouchOutcome outcome) {
    registry.counter(TOUCHES, "channel", tag(channel), "result", outcome.result(), "reason", outcome.reason())
        .increment();
  }

  public void taskSlaBreach(Enum<?> kind, String stage) {
    registry.counter(TASK_SLA_BREACHES, "kind", tag(kind), "stage", stage).increment();
  }

  public void outboundWebhookAttempt(String result) {
    registry.counter(OUTBOUND_WEBHOOK_ATTEMPTS, "result", result).increment();
  }

  public void outboundWebhookFailed() {
    registry.counter(OUTBOUND_WEBHOOK_FAILED).increment();
  }

  public static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
