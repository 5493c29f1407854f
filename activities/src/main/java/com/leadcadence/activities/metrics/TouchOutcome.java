package com.leadcadence.activities.metrics;

import com.leadcadence.workflows.model.Channel;

/**
 * What became of one attempt at a cadence step, as counted in {@code leadcadence_touches_total}: a
 * bounded set of (result, reason) pairs, so the series stay few whatever the leads.
 */
public enum TouchOutcome {
  SENT("sent", "accepted"),
  SENT_AFTER_LOOKUP("sent", "found_by_lookup"),
  SENT_AGAIN("sent", "sent_again"),
  TASK_CREATED("task_created", "call_step"),
  /** Certainly not accepted (refused, 429, 503, connection refused): the activity's retry sends. */
  NOT_SENT("not_sent", "retrying"),
  /** Maybe accepted (500/502/504, a timeout after the request was written): the retry settles it. */
  UNCONFIRMED("unconfirmed", "unclear_answer"),
  UNCONFIRMED_OUT_OF_RETRIES("unconfirmed", "out_of_retries"),
  UNCONFIRMED_CANCELLED("unconfirmed", "cancelled"),
  FAILED("failed", "out_of_retries"),
  BLOCKED_NO_ADDRESS("blocked", "no_address"),
  BLOCKED_BY_PROVIDER("blocked", "provider_refused"),
  SKIPPED_OPTED_OUT("skipped", "opted_out"),
  SKIPPED_QUIET_HOURS("skipped", "quiet_hours"),
  SKIPPED_STALE("skipped", "stale"),
  CANCELLED("cancelled", "cadence_ended");

  private final String result;
  private final String reason;

  TouchOutcome(String result, String reason) {
    this.result = result;
    this.reason = reason;
  }

  public String result() {
    return result;
  }

  public String reason() {
    return reason;
  }

  /** A CALL step becomes a task for a person; the other channels are handed to a provider. */
  public boolean appliesTo(Channel channel) {
    boolean handedToProvider = this != TASK_CREATED && this != FAILED && this != BLOCKED_NO_ADDRESS
        && this != SKIPPED_OPTED_OUT && this != SKIPPED_QUIET_HOURS && this != SKIPPED_STALE && this != CANCELLED;
    return channel == Channel.CALL ? !handedToProvider : this != TASK_CREATED;
  }
}
