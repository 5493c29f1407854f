package com.leadcadence.workflows.model;

/** An outcome as the API receives it; agentId and note are optional. */
public record Outcome(OutcomeType type, Long agentId, String note) {}
