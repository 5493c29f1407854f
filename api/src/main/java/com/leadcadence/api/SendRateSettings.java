package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.worker.SendRates;
import jakarta.validation.constraints.Positive;

/**
 * {@code senders.perSecond}: how many sends per second each channel may start, set to the provider
 * accounts' limits (SendGrid for {@code email}, Twilio messages for {@code sms}, Twilio calls for
 * {@code voice}). Each channel's sends wait on their own Temporal task queue for their turn.
 */
public class SendRateSettings {
  @Positive private double email = SendRates.DEFAULTS.emailsPerSecond();
  @Positive private double sms = SendRates.DEFAULTS.textsPerSecond();
  @Positive private double voice = SendRates.DEFAULTS.dropsPerSecond();

  public SendRates toSendRates() {
    return new SendRates(email, sms, voice);
  }

  @JsonProperty
  public double getEmail() {
    return email;
  }

  @JsonProperty
  public void setEmail(double email) {
    this.email = email;
  }

  @JsonProperty
  public double getSms() {
    return sms;
  }

  @JsonProperty
  public void setSms(double sms) {
    this.sms = sms;
  }

  @JsonProperty
  public double getVoice() {
    return voice;
  }

  @JsonProperty
  public void setVoice(double voice) {
    this.voice = voice;
  }
}
