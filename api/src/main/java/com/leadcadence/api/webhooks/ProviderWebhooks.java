package com.leadcadence.api.webhooks;

import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.providers.Settings;
import com.leadcadence.activities.providers.sendgrid.SendGridSignatureVerifier;
import com.leadcadence.activities.providers.twilio.TwilioCallControl;
import com.leadcadence.activities.providers.twilio.TwilioClients;
import com.leadcadence.activities.providers.twilio.TwilioSignatureVerifier;
import com.leadcadence.api.SendersSettings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhooks need from the provider configuration, whatever the senders' mode: Twilio's
 * verifier (auth token) and the public URL Twilio signs, SendGrid's verifier (event webhook public key),
 * and Twilio call control for voicemail drops in progress. A missing part makes its webhook answer 403:
 * a request that cannot be verified is never trusted.
 */
public record ProviderWebhooks(
    Optional<CallbackUrls> callbackUrls,
    Optional<TwilioSignatureVerifier> twilioSignatures,
    Optional<SendGridSignatureVerifier> sendGridSignatures,
    Optional<TwilioCallControl> callControl) {

  private static final Logger log = LoggerFactory.getLogger(ProviderWebhooks.class);

  public static ProviderWebhooks none() {
    return new ProviderWebhooks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Fails (at startup) on a malformed public key or base URL rather than refusing every event later. */
  public static ProviderWebhooks from(SendersSettings senders) {
    Optional<CallbackUrls> urls = Optional.ofNullable(Settings.blankToNull(senders.getPublicBaseUrl()))
        .map(CallbackUrls::new);
    Optional<TwilioSignatureVerifier> twilio = Optional.ofNullable(senders.getTwilio().authToken())
        .filter(token -> urls.isPresent())
        .map(TwilioSignatureVerifier::new);
    Optional<SendGridSignatureVerifier> sendGrid = Optional.ofNullable(senders.getSendGrid().webhookPublicKey())
        .map(SendGridSignatureVerifier::new);
    Optional<TwilioCallControl> callControl = senders.getTwilio().hasCredentials()
        ? Optional.of(new TwilioCallControl(
            TwilioClients.create(senders.getTwilio(), senders.getTimeout().toJavaDuration())))
        : Optional.empty();
    if (senders.getTwilio().authToken() != null && urls.isEmpty()) {
      log.warn("twilio webhooks answer 403: PUBLIC_BASE_URL is not set, so Twilio's signatures cannot be checked");
    }
    log.info("webhooks: twilio {}, sendgrid {}", twilio.isPresent() ? "verified" : "refused (403)",
        sendGrid.isPresent() ? "verified" : "refused (403)");
    return new ProviderWebhooks(urls, twilio, sendGrid, callControl);
  }
}
