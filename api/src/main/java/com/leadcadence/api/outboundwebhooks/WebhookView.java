package com.leadcadence.api.outboundwebhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it; secret only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(long id, String url, List<String> events, Instant createdAt, String secret) {

  static WebhookView of(WebhookSubscriptionRow row) {
    return new WebhookView(row.id(), row.url(), row.eventTypes(), row.createdAt(), null);
  }

  static WebhookView withSecret(WebhookSubscriptionRow row) {
    return new WebhookView(row.id(), row.url(), row.eventTypes(), row.createdAt(), row.secret());
  }
}
