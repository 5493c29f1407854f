package com.leadcadence.workflows.activities;

import java.time.Instant;

/** A lead moved to another plan (a migration, a grade change): its row and its timeline learn of it. */
public record PlanSwitchRecord(
    long leadId,
    String fromPlan,
    int fromVersion,
    String toPlan,
    int toVersion,
    String nextStepId,
    String cause,
    Instant at) {}
