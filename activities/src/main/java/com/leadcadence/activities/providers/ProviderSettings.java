package com.leadcadence.activities.providers;

import static com.leadcadence.activities.providers.Settings.blankToNull;

import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.activities.providers.twilio.TwilioSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the real senders need. publicBaseUrl (PUBLIC_BASE_URL) is where Twilio posts status and
 * answering-machine callbacks; it is required as soon as Twilio has credentials. timeout bounds both the
 * connection and each answer from a provider.
 */
public record ProviderSettings(
    String publicBaseUrl, TwilioSettings twilio, SendGridSettings sendGrid, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  public ProviderSettings {
    publicBaseUrl = blankToNull(publicBaseUrl);
    twilio = twilio == null ? TwilioSettings.none() : twilio;
    sendGrid = sendGrid == null ? SendGridSettings.none() : sendGrid;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  public static ProviderSettings none() {
    return new ProviderSettings(null, null, null, null);
  }

  /**
   * Reads the documented variables: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER,
   * TWILIO_MESSAGING_SERVICE_SID, TWILIO_API_BASE_URL, SENDGRID_API_KEY, SENDGRID_WEBHOOK_PUBLIC_KEY,
   * SENDGRID_ASM_GROUP_ID, SENDGRID_CATEGORIES (comma-separated), SENDGRID_API_BASE_URL, PUBLIC_BASE_URL.
   * The api normally fills the records from YAML instead; this is for tools and tests.
   */
  public static ProviderSettings fromEnvironment(Map<String, String> env) {
    TwilioSettings twilio = new TwilioSettings(
        env.get("TWILIO_ACCOUNT_SID"),
        env.get("TWILIO_AUTH_TOKEN"),
        env.get("TWILIO_FROM_NUMBER"),
        env.get("TWILIO_MESSAGING_SERVICE_SID"),
        env.get("TWILIO_API_BASE_URL"));
    String asmGroup = blankToNull(env.get("SENDGRID_ASM_GROUP_ID"));
    String categories = blankToNull(env.get("SENDGRID_CATEGORIES"));
    SendGridSettings sendGrid = new SendGridSettings(
        env.get("SENDGRID_API_KEY"),
        env.get("SENDGRID_WEBHOOK_PUBLIC_KEY"),
        asmGroup == null ? null : Integer.valueOf(asmGroup),
        categories == null ? List.of() : Arrays.stream(categories.split(",")).map(String::strip)
            .filter(c -> !c.isEmpty()).toList(),
        env.get("SENDGRID_API_BASE_URL"));
    return new ProviderSettings(env.get("PUBLIC_BASE_URL"), twilio, sendGrid, null);
  }

  /** The callback URLs; fails when PUBLIC_BASE_URL is missing, since Twilio cannot report back then. */
  public CallbackUrls callbackUrls() {
    if (publicBaseUrl == null) {
      throw new IllegalStateException(
          "PUBLIC_BASE_URL is required with Twilio credentials: status and voicemail callbacks go there");
    }
    return new CallbackUrls(publicBaseUrl);
  }
}
