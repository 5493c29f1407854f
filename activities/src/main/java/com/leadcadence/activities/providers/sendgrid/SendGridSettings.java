package com.leadcadence.activities.providers.sendgrid;

import static com.leadcadence.activities.providers.Settings.blankToNull;

import java.util.List;

/**
 * SendGrid credentials and mail defaults. asmGroupId (an unsubscribe group) puts SendGrid's managed
 * unsubscribe link on every email and honours that group's suppressions; null sends without one.
 * categories are added to every email (per-step categories come with the message). webhookPublicKey is
 * the event webhook's verification key, base64 DER as SendGrid shows it. apiBaseUrl
 * (SENDGRID_API_BASE_URL, e.g. https://api.eu.sendgrid.com or a local stub) replaces
 * https://api.sendgrid.com.
 */
public record SendGridSettings(
    String apiKey, String webhookPublicKey, Integer asmGroupId, List<String> categories, String apiBaseUrl) {

  public SendGridSettings {
    apiKey = blankToNull(apiKey);
    webhookPublicKey = blankToNull(webhookPublicKey);
    categories = categories == null ? List.of() : List.copyOf(categories);
    apiBaseUrl = blankToNull(apiBaseUrl);
  }

  public static SendGridSettings none() {
    return new SendGridSettings(null, null, null, List.of(), null);
  }

  public boolean hasCredentials() {
    return apiKey != null;
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "SendGridSettings[apiKey=" + (apiKey == null ? "unset" : "***")
        + ", webhookPublicKey=" + (webhookPublicKey == null ? "unset" : "set")
        + ", asmGroupId=" + asmGroupId + ", categories=" + categories + ", apiBaseUrl=" + apiBaseUrl + "]";
  }
}
