package com.leadcadence.activities.senders;

/** Test fake: the provider rejects every number as invalid (a permanent failure, like Twilio's 21211). */
public final class InvalidNumberSmsSender implements SmsSender {
  @Override
  public SendReceipt send(SmsMessage message) {
    throw new PermanentDeliveryException("21211 invalid 'To' phone number");
  }
}
