package com.leadcadence.api.auth;

import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/**
 * A bearer credential is a dealership's API key or an agent's token; either is looked up by its SHA-256,
 * neither is ever stored. A revoked token or a deactivated agent no longer authenticates.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, DealershipPrincipal> {
  private final DealershipDao dealerships;
  private final AgentDao agents;

  public ApiKeyAuthenticator(DealershipDao dealerships, AgentDao agents) {
    this.dealerships = dealerships;
    this.agents = agents;
  }

  @Override
  public Optional<DealershipPrincipal> authenticate(String credential) {
    if (credential == null || credential.isBlank()) {
      return Optional.empty();
    }
    String hash = ApiKeys.hash(credential.trim());
    Optional<DealershipPrincipal> dealership = dealerships.findByApiKeyHash(hash).map(DealershipPrincipal::new);
    if (dealership.isPresent()) {
      return dealership;
    }
    return agents.findByTokenHash(hash).flatMap(agent -> dealerships.findById(agent.dealershipId())
        .map(d -> new DealershipPrincipal(d, agent)));
  }
}
