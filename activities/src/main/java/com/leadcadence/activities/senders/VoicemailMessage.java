package com.leadcadence.activities.senders;

/** One voicemail drop: the script is spoken when an answering machine picks up. */
public record VoicemailMessage(
    String to, String from, String script, String idempotencyKey, long leadId, long touchId) {}
