package com.leadcadence.activities.providers.twilio;

import static com.leadcadence.activities.providers.Settings.blankToNull;

/**
 * Twilio credentials and the default sender. messagingServiceSid, when set, sends every text through
 * that Messaging Service (its number pool); otherwise From is the dealership's number from the message,
 * or fromNumber. apiBaseUrl (TWILIO_API_BASE_URL) replaces https://api.twilio.com, for a local stub or a
 * proxy; null means Twilio itself. Blank values count as unset.
 */
public record TwilioSettings(
    String accountSid, String authToken, String fromNumber, String messagingServiceSid, String apiBaseUrl) {

  public TwilioSettings {
    accountSid = blankToNull(accountSid);
    authToken = blankToNull(authToken);
    fromNumber = blankToNull(fromNumber);
    messagingServiceSid = blankToNull(messagingServiceSid);
    apiBaseUrl = blankToNull(apiBaseUrl);
  }

  public static TwilioSettings none() {
    return new TwilioSettings(null, null, null, null, null);
  }

  /** Real texts and calls need both the account SID and the auth token. */
  public boolean hasCredentials() {
    return accountSid != null && authToken != null;
  }

  /** Never prints the auth token. */
  @Override
  public String toString() {
    return "TwilioSettings[accountSid=" + accountSid + ", authToken=" + (authToken == null ? "unset" : "***")
        + ", fromNumber=" + fromNumber + ", messagingServiceSid=" + messagingServiceSid
        + ", apiBaseUrl=" + apiBaseUrl + "]";
  }
}
