package com.leadcadence.store.rows;

/**
 * webhook_deliveries.status. PENDING: being tried (or waiting for the lead's earlier events); DELIVERED:
 * the receiver answered 2xx; FAILED: no 2xx before the retry window closed; CANCELLED: the subscription
 * was deleted first.
 */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  FAILED,
  CANCELLED
}
