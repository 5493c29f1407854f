package com.leadcadence.workflows.webhooks;

public record WebhookGiveUp(long deliveryId, String reason) {}
