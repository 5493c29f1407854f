package com.leadcadence.api.health;

import com.codahale.metrics.health.HealthCheck;
import com.leadcadence.activities.providers.CredentialsCheck;

/**
 * Healthy when the provider accepts the configured credentials (see {@link CredentialsCheck}: one free
 * read, cached for a minute). Registered only for a provider that sends for real.
 */
public class ProviderCredentialsHealthCheck extends HealthCheck {
  private final CredentialsCheck check;

  public ProviderCredentialsHealthCheck(CredentialsCheck check) {
    this.check = check;
  }

  @Override
  protected Result check() {
    CredentialsCheck.Result result = check.check();
    return result.healthy() ? Result.healthy(result.message()) : Result.unhealthy(result.message());
  }
}
