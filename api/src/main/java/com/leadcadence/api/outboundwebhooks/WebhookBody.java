package com.leadcadence.api.outboundwebhooks;

import java.util.List;

/** POST /v1/webhooks: where to send which events (checked by WebhookSubscriptions, 422 naming the field). */
public record WebhookBody(String url, List<String> events) {}
