package com.leadcadence.workflows.model;

/** Moves the lead's call tasks to another agent from the next step on. */
public record Reassignment(long agentId) {}
