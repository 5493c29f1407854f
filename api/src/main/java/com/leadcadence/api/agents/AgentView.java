package com.leadcadence.api.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import java.time.Instant;

/** An agent as the API answers it (never a token). */
public record AgentView(
    long id,
    String name,
    String email,
    String phone,
    AgentRole role,
    String shiftHours,
    @JsonProperty("notify") AgentNotify notifyBy,
    int maxOpenTasks,
    boolean available,
    boolean active,
    Instant createdAt) {

  public static AgentView of(AgentRow row) {
    return new AgentView(row.id(), row.name(), row.email(), row.phone(), row.role(), row.shiftHours(),
        row.notifyBy(), row.maxOpenTasks(), row.available(), row.active(), row.createdAt());
  }
}
