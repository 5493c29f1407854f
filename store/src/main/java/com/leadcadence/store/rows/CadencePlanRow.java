package com.leadcadence.store.rows;

import java.time.Instant;

/** A cadence_plans row: one version of a dealership's own plan; body is the plan file's form as JSON. */
public record CadencePlanRow(long id, long dealershipId, String name, int version, String body, Instant createdAt) {}
