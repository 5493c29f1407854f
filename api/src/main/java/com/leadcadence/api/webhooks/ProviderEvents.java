package com.leadcadence.api.webhooks;

import com.leadcadence.store.dao.ProviderEventDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each provider event once. Providers deliver at least once (and retry on any non-2xx), so the
 * event is claimed by its id in provider_events first; a copy finds the claim and does nothing. When the
 * handling fails, the claim is withdrawn so that the provider's retry is handled again.
 */
public final class ProviderEvents {
  /** TEXT holds 64 KB; a payload is evidence, not data we parse again, so a long one is cut. */
  static final int MAX_PAYLOAD_CHARS = 16_000;
  private static final Logger log = LoggerFactory.getLogger(ProviderEvents.class);

  private final ProviderEventDao events;

  public ProviderEvents(ProviderEventDao events) {
    this.events = events;
  }

  /** Runs the handler unless the event was seen before; true when it ran. */
  public boolean once(String provider, String eventId, String eventType, Long leadId, String payload,
      Runnable handler) {
    if (!events.insertIfAbsent(provider, eventId, eventType, leadId, truncate(payload))) {
      log.info("{} event {} ({}) already handled", provider, eventId, eventType);
      return false;
    }
    try {
      handler.run();
      return true;
    } catch (RuntimeException e) {
      events.delete(provider, eventId);
      throw e;
    }
  }

  private static String truncate(String payload) {
    if (payload == null) {
      return "";
    }
    return payload.length() <= MAX_PAYLOAD_CHARS ? payload : payload.substring(0, MAX_PAYLOAD_CHARS);
  }
}
