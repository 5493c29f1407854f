package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * An agents row. shiftHours uses the business-hours format and is null when the agent works the
 * dealership's hours; lastAssignedAt orders the round robin.
 */
public record AgentRow(
    long id,
    long dealershipId,
    String name,
    String email,
    String phone,
    AgentRole role,
    String shiftHours,
    AgentNotify notifyBy,
    int maxOpenTasks,
    boolean available,
    Instant lastAssignedAt,
    boolean active,
    Instant createdAt) {

  public boolean isManager() {
    return role == AgentRole.MANAGER;
  }
}
