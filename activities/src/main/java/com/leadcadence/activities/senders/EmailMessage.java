package com.leadcadence.activities.senders;

/**
 * One email to send; leadId and touchId travel with it for webhook correlation. body is the text/plain
 * part; html, when not null, is the text/html alternative of the same message (values already escaped).
 */
public record EmailMessage(
    String to,
    String fromName,
    String fromEmail,
    String subject,
    String body,
    String html,
    String idempotencyKey,
    long leadId,
    long touchId) {

  /** A text-only email. */
  public EmailMessage(String to, String fromName, String fromEmail, String subject, String body,
      String idempotencyKey, long leadId, long touchId) {
    this(to, fromName, fromEmail, subject, body, null, idempotencyKey, leadId, touchId);
  }
}
