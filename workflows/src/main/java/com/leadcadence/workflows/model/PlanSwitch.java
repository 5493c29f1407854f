package com.leadcadence.workflows.model;

/**
 * Moves a running lead to another plan (or another version of its plan) from its next step on. cause is
 * who or what asked, for the lead's history and timeline ("migration 7 by Lakeside Motors", "grade B to A").
 */
public record PlanSwitch(CadencePlan plan, String cause) {}
