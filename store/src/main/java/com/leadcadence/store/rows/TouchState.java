package com.leadcadence.store.rows;

import java.util.EnumSet;
import java.util.Set;

/**
 * touches.status. PENDING: row written, nothing sent; SENDING: handed to the provider (a retry must not
 * send again); the rest are final. DELIVERED/FAILED come later from provider webhooks; FAILED is also a
 * step whose activity ran out of retries (detail says why), SKIPPED_STALE a step skipped as too late.
 */
public enum TouchState {
  PENDING,
  SENDING,
  SENT,
  TASK_CREATED,
  SKIPPED_OPTED_OUT,
  CHANNEL_BLOCKED,
  DELIVERED,
  FAILED,
  SKIPPED_STALE;

  private static final Set<TouchState> IN_FLIGHT = EnumSet.of(PENDING, SENDING);

  /** True once the step's outcome is decided (anything past PENDING and SENDING). */
  public boolean isSettled() {
    return !IN_FLIGHT.contains(this);
  }
}
