package com.leadcadence.activities.providers;

import java.net.URI;
import java.util.Objects;

/**
 * The public URLs the providers call back on. The paths are the api's webhook routes, kept here once so
 * the senders (which announce them) and the api (which serves them) cannot drift apart.
 */
public record CallbackUrls(String publicBaseUrl) {
  public static final String TWILIO_SMS_PATH = "/webhooks/twilio/sms";
  public static final String TWILIO_STATUS_PATH = "/webhooks/twilio/status";
  public static final String TWILIO_VOICE_PATH = "/webhooks/twilio/voice";
  public static final String SENDGRID_EVENTS_PATH = "/webhooks/sendgrid/events";

  public CallbackUrls {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    URI parsed = URI.create(publicBaseUrl);
    if (parsed.getScheme() == null || parsed.getHost() == null) {
      throw new IllegalArgumentException("PUBLIC_BASE_URL must be an absolute URL, got: " + publicBaseUrl);
    }
    // A trailing slash would give "//webhooks", which Twilio signs literally and the api never serves.
    publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** Message and call status callbacks (delivered, undelivered, failed, completed, no-answer ...). */
  public String twilioStatus() {
    return publicBaseUrl + TWILIO_STATUS_PATH;
  }

  /** Answering-machine detection results of a voicemail drop. */
  public String twilioVoice() {
    return publicBaseUrl + TWILIO_VOICE_PATH;
  }

  /** Inbound texts (STOP, START, HELP, replies): configured on the number in Twilio's console. */
  public String twilioInboundSms() {
    return publicBaseUrl + TWILIO_SMS_PATH;
  }

  /** SendGrid's event webhook: configured in SendGrid's mail settings. */
  public String sendGridEvents() {
    return publicBaseUrl + SENDGRID_EVENTS_PATH;
  }
}
