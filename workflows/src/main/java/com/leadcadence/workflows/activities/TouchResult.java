package com.leadcadence.workflows.activities;

/** The touch row's id and what happened; detail is a short human-readable reason. */
public record TouchResult(long touchId, TouchStatus status, String detail) {}
