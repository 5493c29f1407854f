package com.leadcadence.store.rows;

import java.time.Instant;

/** An agents row. */
public record AgentRow(
    long id,
    long dealershipId,
    String name,
    String email,
    String phone,
    AgentRole role,
    boolean active,
    Instant createdAt) {}
