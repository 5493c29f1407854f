package com.leadcadence.store.rows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A webhook_subscriptions row. secret signs deliveries: it never appears in toString (nor in logs). */
public record WebhookSubscriptionRow(
    long id, long dealershipId, String url, String events, String secret, Instant createdAt, Instant deletedAt) {

  /** The subscribed event types' wire names, in the order given at creation. */
  public List<String> eventTypes() {
    return Arrays.stream(events.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public boolean wants(String eventType) {
    return eventTypes().contains(eventType);
  }

  @Override
  public String toString() {
    return "WebhookSubscriptionRow[id=" + id + ", dealershipId=" + dealershipId + ", url=" + url + ", events="
        + events + ", createdAt=" + createdAt + ", deletedAt=" + deletedAt + "]";
  }
}
