package com.leadcadence.activities.senders;

/** The provider's acknowledgement: its name (dry-run, sendgrid, twilio) and its id for the message. */
public record SendReceipt(String provider, String providerId) {}
