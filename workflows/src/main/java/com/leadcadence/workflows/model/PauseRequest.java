package com.leadcadence.workflows.model;

/** Why the cadence is paused or resumed (shown in history). */
public record PauseRequest(String reason) {}
