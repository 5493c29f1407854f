package com.leadcadence.activities.senders;

import com.leadcadence.workflows.model.Channel;

/** What a dry-run sender would have sent; subject is null except for email. */
public record OutboxMessage(
    Channel channel,
    String to,
    String from,
    String subject,
    String body,
    String idempotencyKey,
    long leadId,
    long touchId,
    String providerId) {}
