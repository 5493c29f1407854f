package com.leadcadence.activities.senders;

/**
 * One text message to send; from is the dealership's number, messagingServiceSid (nullable) its own
 * Twilio Messaging Service, which a real sender prefers over the number.
 */
public record SmsMessage(
    String to, String from, String text, String idempotencyKey, long leadId, long touchId,
    String messagingServiceSid) {

  /** A text from the dealership's number. */
  public SmsMessage(String to, String from, String text, String idempotencyKey, long leadId, long touchId) {
    this(to, from, text, idempotencyKey, leadId, touchId, null);
  }
}
