package com.leadcadence.activities.providers;

import com.leadcadence.activities.providers.sendgrid.SendGridClients;
import com.leadcadence.activities.providers.sendgrid.SendGridEmailSender;
import com.leadcadence.activities.providers.sendgrid.SendGridSignatureVerifier;
import com.leadcadence.activities.providers.twilio.TwilioCallControl;
import com.leadcadence.activities.providers.twilio.TwilioClients;
import com.leadcadence.activities.providers.twilio.TwilioSignatureVerifier;
import com.leadcadence.activities.providers.twilio.TwilioSmsSender;
import com.leadcadence.activities.providers.twilio.TwilioVoicemailSender;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.senders.VoicemailSender;
import com.twilio.http.TwilioRestClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The senders and webhook verifiers for a configuration: real SendGrid email when SENDGRID_API_KEY is
 * set, real Twilio texts and voicemail drops when TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set (then
 * PUBLIC_BASE_URL is required), dry-run senders for whatever has no credentials. Verifiers exist only for
 * providers whose secret is configured; callControl only with Twilio.
 */
public record ProviderSenders(
    Senders senders,
    boolean liveEmail,
    boolean liveTwilio,
    Optional<TwilioCallControl> callControl,
    Optional<TwilioSignatureVerifier> twilioSignatures,
    Optional<SendGridSignatureVerifier> sendGridSignatures) {

  private static final Logger log = LoggerFactory.getLogger(ProviderSenders.class);

  /** Builds clients once (they are thread-safe); fails fast on an incomplete configuration. */
  public static ProviderSenders create(ProviderSettings settings, DryRunOutbox outbox) {
    DryRunSenders dryRun = new DryRunSenders(outbox);

    EmailSender email = dryRun;
    if (settings.sendGrid().hasCredentials()) {
      email = new SendGridEmailSender(SendGridClients.create(settings.sendGrid(), settings.timeout()),
          settings.sendGrid());
    }

    SmsSender sms = dryRun;
    VoicemailSender voicemail = dryRun;
    TwilioCallControl callControl = null;
    if (settings.twilio().hasCredentials()) {
      CallbackUrls callbacks = settings.callbackUrls();
      TwilioRestClient client = TwilioClients.create(settings.twilio(), settings.timeout());
      sms = new TwilioSmsSender(client, settings.twilio(), callbacks);
      voicemail = new TwilioVoicemailSender(client, settings.twilio(), callbacks);
      callControl = new TwilioCallControl(client);
    }

    ProviderSenders providers = new ProviderSenders(
        new Senders(email, sms, voicemail),
        email != dryRun,
        sms != dryRun,
        Optional.ofNullable(callControl),
        Optional.ofNullable(settings.twilio().authToken()).map(TwilioSignatureVerifier::new),
        Optional.ofNullable(settings.sendGrid().webhookPublicKey()).map(SendGridSignatureVerifier::new));
    // Webhook verification is reported by the api's ProviderWebhooks, which builds its own verifiers.
    log.info("senders: email={}, sms and voicemail={}",
        providers.liveEmail ? "sendgrid" : DryRunSenders.PROVIDER,
        providers.liveTwilio ? "twilio" : DryRunSenders.PROVIDER);
    return providers;
  }
}
