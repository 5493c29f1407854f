package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.activities.providers.ProviderSettings;
import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.activities.providers.twilio.TwilioSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * How messages leave the process. {@code dry-run} renders and records every message on its touch row
 * and sends nothing, whatever credentials are set. {@code providers} sends email through SendGrid when
 * {@code sendGrid.apiKey} is set and texts/voicemail through Twilio when {@code twilio.accountSid} and
 * {@code twilio.authToken} are (then {@code publicBaseUrl} is required for Twilio's callbacks); a
 * provider without credentials stays dry-run.
 */
public class SendersSettings {

  public enum Mode {
    @JsonProperty("dry-run")
    DRY_RUN,
    @JsonProperty("providers")
    PROVIDERS
  }

  @NotNull private Mode mode = Mode.DRY_RUN;
  private String publicBaseUrl;
  private TwilioSettings twilio = TwilioSettings.none();
  private SendGridSettings sendGrid = SendGridSettings.none();
  @NotNull private Duration timeout = Duration.seconds(20);
  @Valid @NotNull private SendRateSettings perSecond = new SendRateSettings();

  /** What the provider senders need; no credentials at all in dry-run mode. */
  public ProviderSettings providerSettings() {
    if (mode == Mode.DRY_RUN) {
      return ProviderSettings.none();
    }
    return new ProviderSettings(publicBaseUrl, twilio, sendGrid, timeout.toJavaDuration());
  }

  @JsonProperty
  public Mode getMode() {
    return mode;
  }

  @JsonProperty
  public void setMode(Mode mode) {
    this.mode = mode;
  }

  @JsonProperty
  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  @JsonProperty
  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  @JsonProperty
  public TwilioSettings getTwilio() {
    return twilio;
  }

  @JsonProperty
  public void setTwilio(TwilioSettings twilio) {
    this.twilio = twilio == null ? TwilioSettings.none() : twilio;
  }

  @JsonProperty
  public SendGridSettings getSendGrid() {
    return sendGrid;
  }

  @JsonProperty
  public void setSendGrid(SendGridSettings sendGrid) {
    this.sendGrid = sendGrid == null ? SendGridSettings.none() : sendGrid;
  }

  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @JsonProperty
  public SendRateSettings getPerSecond() {
    return perSecond;
  }

  @JsonProperty
  public void setPerSecond(SendRateSettings perSecond) {
    this.perSecond = perSecond == null ? new SendRateSettings() : perSecond;
  }
}
