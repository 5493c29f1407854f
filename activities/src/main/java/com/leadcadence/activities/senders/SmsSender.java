package com.leadcadence.activities.senders;

import java.time.Instant;

/**
 * Sends a text message. Throws {@link PermanentDeliveryException} when the provider will never accept it
 * (the channel is then blocked for the lead), {@link MessageNotSentException} when it certainly did not
 * reach the provider, any other exception when the outcome is unknown (the activity is retried, and the
 * retry asks {@link #lookUp} before sending again).
 */
public interface SmsSender {
  SendReceipt send(SmsMessage message);

  /**
   * Whether the provider took this text since the given instant, for a retry after an unknown outcome.
   * The default cannot tell, so the retry sends again.
   */
  default SentLookup lookUp(SmsMessage message, Instant since) {
    return SentLookup.notSupported();
  }
}
