package com.leadcadence.api.auth;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import java.security.Principal;

/**
 * Who is calling: a dealership by its API key (agent null), or one of its agents or managers by their
 * own token. Every lookup is scoped to the dealership; an agent's token is further scoped to their tasks.
 */
public record DealershipPrincipal(DealershipRow dealership, AgentRow agent) implements Principal {

  public DealershipPrincipal(DealershipRow dealership) {
    this(dealership, null);
  }

  public long id() {
    return dealership.id();
  }

  /** The dealership key or a manager's token: sees everything of the dealership. */
  public boolean seesWholeDealership() {
    return agent == null || agent.isManager();
  }

  /** The calling agent's id, null for the dealership key. */
  public Long agentId() {
    return agent == null ? null : agent.id();
  }

  /** For routes that act on the whole dealership (leads, agents): the key or a manager's token. */
  public DealershipPrincipal requireDealershipScope() {
    if (!seesWholeDealership()) {
      throw ApiException.forbidden("Authorization", "an agent's token works on the agent's own tasks only");
    }
    return this;
  }

  @Override
  public String getName() {
    return agent == null ? dealership.name() : agent.name();
  }
}
