package com.leadcadence.store;

import com.leadcadence.store.rows.AgentRole;

/** An agent or manager of a seeded dealership. */
public record AgentSeed(String name, String email, String phone, AgentRole role) {}
