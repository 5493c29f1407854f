package com.leadcadence.api.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * An agent as a dealership posts or patches it. On POST name and role are required; on PATCH every
 * field is optional and only those given change. shiftHours uses the business-hours format
 * ("MON-FRI 09:00-17:00; SAT 10:00-14:00"); absent, the agent works the dealership's hours.
 */
public record AgentBody(
    @Size(max = 200) String name,
    @Size(max = 320) String email,
    @Size(max = 40) String phone,
    AgentRole role,
    @Size(max = 500) String shiftHours,
    @JsonProperty("notify") AgentNotify notifyBy,
    @Min(1) @Max(1000) Integer maxOpenTasks,
    Boolean available) {}
