package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.api.startup.StartupFailure;
import java.util.Optional;

/**
 * The operator's key for the admin API ({@code /v1/admin/...}): ADMIN_API_KEY. dev.yml defaults it to
 * {@link #DEV_ONLY_KEY}; production.yml sets {@code requireKey}, so a blank, short or development key
 * stops the server's start. Without a key and without requireKey the admin API refuses every request.
 */
public class AdminSettings {
  public static final String DEV_ONLY_KEY = "demo-admin-key";
  static final int MIN_REQUIRED_LENGTH = 24;

  private String apiKey;
  private boolean requireKey;

  @JsonProperty
  public String getApiKey() {
    return apiKey;
  }

  @JsonProperty
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  @JsonProperty
  public boolean isRequireKey() {
    return requireKey;
  }

  @JsonProperty
  public void setRequireKey(boolean requireKey) {
    this.requireKey = requireKey;
  }

  /**
   * The key the admin API accepts; empty: the admin API is off.
   *
   * @throws StartupFailure when a key is required and the one given is missing or unfit
   */
  public Optional<String> operatorKey() {
    String key = apiKey == null ? "" : apiKey.strip();
    if (requireKey) {
      if (key.isEmpty() || key.startsWith("${")) {
        throw new StartupFailure("ADMIN_API_KEY is not set (admin.apiKey): it guards the admin API"
            + " (/v1/admin/...); set it to a long random value");
      }
      if (key.equals(DEV_ONLY_KEY) || key.length() < MIN_REQUIRED_LENGTH) {
        throw new StartupFailure("ADMIN_API_KEY must be a random value of at least " + MIN_REQUIRED_LENGTH
            + " characters, not the development key");
      }
    }
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }
}
