package com.leadcadence.workflows.model;

/** A provider or CRM event showing interest; detail is free text (link clicked, reply excerpt). */
public record EngagementEvent(EngagementType type, String detail) {}
