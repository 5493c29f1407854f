package com.leadcadence.activities.senders;

/** One email to send; leadId and touchId travel with it for webhook correlation. */
public record EmailMessage(
    String to,
    String fromName,
    String fromEmail,
    String subject,
    String body,
    String idempotencyKey,
    long leadId,
    long touchId) {}
