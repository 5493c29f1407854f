package com.leadcadence.store.rows;

/** An agent to insert (active). */
public record NewAgent(long dealershipId, String name, String email, String phone, AgentRole role) {}
