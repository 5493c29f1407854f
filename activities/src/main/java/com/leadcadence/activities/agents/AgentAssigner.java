package com.leadcadence.activities.agents;

import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.rows.DealershipRow;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies the {@link AgentRoster} rule without holding locks: read the agents and their loads, pick,
 * then take the pick's turn with a compare-and-set on last_assigned_at. A concurrent assignment that
 * took the same turn first makes this one read and pick again, so the round robin stays fair under load
 * while intakes never queue behind one another (a dealership-wide row lock did, see the benchmark).
 */
public final class AgentAssigner {
  /** After this many lost races the last pick is used as is: fairness yields to progress. */
  private static final int ATTEMPTS = 5;

  private AgentAssigner() {}

  public static Optional<AgentRoster.Pick> assign(
      AgentDao agents, DealershipRow dealership, Instant now, Long excludedAgentId) {
    AgentRoster roster = new AgentRoster(dealership.schedule());
    Optional<AgentRoster.Pick> pick = Optional.empty();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      pick = roster.pick(agents.loadsForAssignment(dealership.id()), now, excludedAgentId);
      if (pick.isEmpty() || agents.takeTurn(pick.get().agent().id(), pick.get().agent().lastAssignedAt(), now) == 1) {
        return pick;
      }
    }
    return pick;
  }
}
