package com.leadcadence.workflows.webhooks;

public record WebhookAttempt(long deliveryId) {}
