package com.leadcadence.activities.agents;

import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.rows.DealershipRow;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies the {@link AgentRoster} rule inside the caller's transaction: the dealership's agents are
 * locked while one is chosen and stamped, so concurrent assignments take turns and stay fair.
 */
public final class AgentAssigner {

  private AgentAssigner() {}

  /** In a transaction of its own (agents may be an on-demand DAO). */
  public static Optional<AgentRoster.Pick> assignInOwnTransaction(
      AgentDao agents, DealershipRow dealership, Instant now, Long excludedAgentId) {
    return agents.inTransaction(tx -> assign(tx, dealership, now, excludedAgentId));
  }

  /** agents must be attached to the caller's open transaction. */
  public static Optional<AgentRoster.Pick> assign(
      AgentDao agents, DealershipRow dealership, Instant now, Long excludedAgentId) {
    Optional<AgentRoster.Pick> pick = new AgentRoster(dealership.schedule())
        .pick(agents.lockAgentsForAssignment(dealership.id()), now, excludedAgentId);
    pick.ifPresent(p -> agents.markAssigned(p.agent().id(), now));
    return pick;
  }
}
