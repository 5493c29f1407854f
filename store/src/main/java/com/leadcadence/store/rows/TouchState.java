package com.leadcadence.store.rows;

import java.util.EnumSet;
import java.util.Set;

/**
 * touches.status. PENDING: row written, nothing sent; SENDING: an attempt is handing the message to the
 * provider (or was killed doing so); UNCONFIRMED: handed over without a clear answer, so whether the
 * provider took it is unknown: a retry settles it (Twilio lookup, or another email) and until then it
 * counts as neither sent nor failed, and for good if no retry can settle it. The rest are final,
 * DELIVERED/FAILED coming later from provider webhooks; FAILED is also a step whose activity ran out of
 * retries (detail says why), SKIPPED_STALE a step skipped as too late, CANCELLED a step whose send the
 * workflow cancelled (the cadence ended or the channel was blocked) before any provider had it.
 */
public enum TouchState {
  PENDING,
  SENDING,
  UNCONFIRMED,
  SENT,
  TASK_CREATED,
  SKIPPED_OPTED_OUT,
  CHANNEL_BLOCKED,
  DELIVERED,
  FAILED,
  SKIPPED_STALE,
  CANCELLED;

  private static final Set<TouchState> IN_FLIGHT = EnumSet.of(PENDING, SENDING, UNCONFIRMED);

  /** True once the step's outcome is decided (anything past PENDING, SENDING and UNCONFIRMED). */
  public boolean isSettled() {
    return !IN_FLIGHT.contains(this);
  }
}
