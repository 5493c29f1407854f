package com.leadcadence.activities.senders;

/**
 * One email to send; leadId and touchId travel with it for webhook correlation. body is the text/plain
 * part; html, when not null, is the text/html alternative of the same message (values already escaped).
 * category (nullable) names the cadence step's message, so provider reports can be cut by step.
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
    long touchId,
    String category) {

  /** An email without a step category. */
  public EmailMessage(String to, String fromName, String fromEmail, String subject, String body, String html,
      String idempotencyKey, long leadId, long touchId) {
    this(to, fromName, fromEmail, subject, body, html, idempotencyKey, leadId, touchId, null);
  }

  /** A text-only email. */
  public EmailMessage(String to, String fromName, String fromEmail, String subject, String body,
      String idempotencyKey, long leadId, long touchId) {
    this(to, fromName, fromEmail, subject, body, null, idempotencyKey, leadId, touchId, null);
  }
}
