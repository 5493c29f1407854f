package com.leadcadence.workflows.webhooks;

import java.util.List;

/** pending: deliveries carried over by continue-as-new (empty at a first start). */
public record WebhookDeliveryInput(long subscriptionId, long leadId, DeliveryRetry retry, List<PendingDelivery> pending) {
  public WebhookDeliveryInput {
    pending = pending == null ? List.of() : List.copyOf(pending);
  }
}
