package com.leadcadence.activities.metrics;

import com.leadcadence.workflows.model.Channel;
import io.micrometer.core.instrument.MeterRegistry;
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

  private final MeterRegistry registry;

  public ActivityMetrics(MeterRegistry registry) {
    this.registry = registry;
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
