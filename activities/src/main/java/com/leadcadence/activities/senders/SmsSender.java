package com.leadcadence.activities.senders;

/**
 * Sends a text message. Throws {@link PermanentDeliveryException} when the provider will never accept it
 * (the channel is then blocked for the lead), {@link MessageNotSentException} when it certainly did not
 * reach the provider, any other exception when the outcome is unknown (the activity is retried, but the
 * message is not sent twice).
 */
public interface SmsSender {
  SendReceipt send(SmsMessage message);
}
