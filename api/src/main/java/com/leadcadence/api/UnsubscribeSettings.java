package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.api.startup.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs the unsubscribe links in emails. A link must keep working for as long as the
 * email exists, so the secret must stay the same across restarts and replicas: it comes from
 * UNSUBSCRIBE_SECRET. {@code requireSecret} (production.yml) makes a blank one fail the start; without
 * it (dev) a blank secret means {@link #DEV_ONLY_SECRET}, whose links anyone could forge.
 */
public class UnsubscribeSettings {
  public static final String DEV_ONLY_SECRET = "dev-only-unsubscribe-secret-not-for-production";
  private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeSettings.class);

  private String secret;
  private boolean requireSecret;

  @JsonProperty
  public String getSecret() {
    return secret;
  }

  @JsonProperty
  public void setSecret(String secret) {
    this.secret = secret;
  }

  @JsonProperty
  public boolean isRequireSecret() {
    return requireSecret;
  }

  @JsonProperty
  public void setRequireSecret(boolean requireSecret) {
    this.requireSecret = requireSecret;
  }

  public boolean hasSecret() {
    return secret != null && !secret.isBlank();
  }

  /**
   * The secret to sign with.
   *
   * @throws StartupFailure when it is blank and required
   */
  public String signingSecret() {
    if (hasSecret()) {
      return secret;
    }
    if (requireSecret) {
      throw new StartupFailure("UNSUBSCRIBE_SECRET is not set (unsubscribe.secret): it signs the unsubscribe"
          + " links in every email; set it to a long random value, the same on every replica");
    }
    LOG.warn("unsubscribe.secret is not set: unsubscribe links are signed with the public development"
        + " secret, so anyone could forge one; set UNSUBSCRIBE_SECRET outside development");
    return DEV_ONLY_SECRET;
  }
}
