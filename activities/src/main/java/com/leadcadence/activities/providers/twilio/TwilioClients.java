package com.leadcadence.activities.providers.twilio;

import com.twilio.http.TwilioRestClient;
import java.time.Duration;

/** Builds the REST client the Twilio senders share (thread-safe, one per process). */
public final class TwilioClients {
  private TwilioClients() {}

  public static TwilioRestClient create(TwilioSettings settings, Duration timeout) {
    if (!settings.hasCredentials()) {
      throw new IllegalArgumentException("Twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
    }
    return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
        .httpClient(new TwilioHttpClient(settings.apiBaseUrl(), timeout))
        .build();
  }
}
