package com.leadcadence.activities.senders;

/** One text message to send; from is the dealership's number (a real sender may use its own). */
public record SmsMessage(String to, String from, String text, String idempotencyKey, long leadId, long touchId) {}
