package com.leadcadence.api.auth;

import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.dao.DealershipDao;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@code Authorization: Bearer <key>}: the key's SHA-256 names the dealership; keys are never stored. */
public final class ApiKeyAuthenticator implements Authenticator<String, DealershipPrincipal> {
  private final DealershipDao dealerships;

  public ApiKeyAuthenticator(Jdbi jdbi) {
    this.dealerships = jdbi.onDemand(DealershipDao.class);
  }

  @Override
  public Optional<DealershipPrincipal> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return Optional.empty();
    }
    return dealerships.findByApiKeyHash(ApiKeys.hash(apiKey.trim())).map(DealershipPrincipal::new);
  }
}
