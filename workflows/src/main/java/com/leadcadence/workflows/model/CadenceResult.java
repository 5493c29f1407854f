package com.leadcadence.workflows.model;

/** How a cadence ended. */
public record CadenceResult(LeadStatus status, int attempts, int stepsDone) {}
