package com.leadcadence.workflows.webhooks;

import java.time.Instant;

/** A webhook_deliveries row to deliver, the event it carries (the order), and when to stop trying. */
public record PendingDelivery(long deliveryId, long eventId, Instant giveUpAt) {}
