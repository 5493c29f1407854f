package com.leadcadence.activities.providers.twilio;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.providers.TransportFailures;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Turns a Twilio failure into what the cadence does with it. Errors about the recipient are permanent
 * (the channel is blocked for that lead). A 500, 502, 504 (any 5xx but 503) may come after Twilio took
 * the message, so its fate is unknown ({@link ProviderOutcomeUnknownException}: the retry looks it up
 * before sending again). Any other answer (429 and 20429, 503, and also a misconfiguration such as bad
 * credentials or a From number not on the account) means Twilio did not take the message, so a retry may
 * send it: an operator can fix a configuration, while blocking every lead's channel for it could not be
 * undone. No answer at all is sorted by {@link TransportFailures}.
 */
public final class TwilioFailures {
  /**
   * Twilio error codes that say this recipient cannot be reached on this channel. The 300xx ones come
   * from message status callbacks (ErrorCode), not from the API; they are here so the webhook handler
   * blocks the channel with the same table.
   */
  public static final Set<Integer> RECIPIENT_PERMANENT = Set.of(
      21211, // invalid 'To' phone number
      21214, // 'To' phone number cannot be reached
      21217, // phone number does not appear to be valid
      21401, // invalid phone number (calls)
      21408, // no permission to send to the region of the 'To' number
      21215, // geo permissions do not allow a call to this number
      21216, // the number is on Twilio's blocklist
      21610, // the recipient replied STOP: unsubscribed
      21612, // the 'To' number is not reachable via SMS (from this sender)
      21614, // the 'To' number is not a mobile number (landline)
      13223, // invalid phone number format (calls)
      13224, // invalid phone number (calls)
      13225, // forbidden phone number (calls)
      13226, // invalid country code (calls)
      30004, // message blocked by the recipient
      30005, // unknown destination handset
      30006); // landline or unreachable carrier

  private TwilioFailures() {}

  public static boolean isRecipientPermanent(Integer code) {
    return code != null && RECIPIENT_PERMANENT.contains(code);
  }

  /** Logs a failed request in one line (masked number) and returns the exception to throw. */
  public static RuntimeException logAndClassify(
      Logger log, String what, String to, long touchId, TwilioException failure) {
    RuntimeException classified = classify(failure);
    log.warn("twilio {} to {} failed ({}): {} touchId={}", what, Masking.phone(to),
        classified.getClass().getSimpleName(), failure.getMessage(), touchId);
    return classified;
  }

  public static RuntimeException classify(TwilioException failure) {
    if (failure instanceof ApiException api && api.getStatusCode() != null) {
      String what = "twilio " + api.getStatusCode() + " code " + api.getCode() + ": " + api.getMessage();
      if (isRecipientPermanent(api.getCode())) {
        return new PermanentDeliveryException(what, failure);
      }
      if (TransportFailures.outcomeUnknown(api.getStatusCode())) {
        return new ProviderOutcomeUnknownException(what, failure);
      }
      return new MessageNotSentException(what, failure);
    }
    // No HTTP answer: the SDK wraps the I/O failure without a status.
    return TransportFailures.classify("twilio", failure);
  }
}
