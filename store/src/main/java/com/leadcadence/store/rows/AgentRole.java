package com.leadcadence.store.rows;

/** agents.role: AGENT works call tasks; MANAGER receives hot-lead alerts. */
public enum AgentRole {
  AGENT,
  MANAGER
}
