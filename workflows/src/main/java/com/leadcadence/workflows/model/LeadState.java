package com.leadcadence.workflows.model;

import java.time.Instant;
import java.util.Set;

/**
 * What the workflow knows now; returned by the state query and by every outcome update. escalations
 * counts the lead's tasks that slipped past their escalation time; lastEscalatedTaskId is the latest.
 * failedSteps counts steps whose activity ran out of retries (their touches are FAILED), staleSteps
 * those skipped as too late after a delay (SKIPPED_STALE), cancelledSteps those whose send was cancelled
 * because the cadence ended or the channel was blocked meanwhile (CANCELLED). runs counts the workflow
 * runs so far: more than 1 once the lead's workflow continued as new. planName and planVersion: the plan
 * the lead runs now (after a migration or a grade change, the one it moved to).
 */
public record LeadState(
    LeadStatus status,
    int score,
    Grade grade,
    int attempts,
    int stepsDone,
    Integer nextStepIndex,
    String nextStepId,
    Channel nextChannel,
    Instant nextStepAt,
    boolean contactMade,
    Set<Channel> blockedChannels,
    Long assignedAgentId,
    OutcomeType lastOutcome,
    int escalations,
    Long lastEscalatedTaskId,
    int failedSteps,
    int staleSteps,
    int cancelledSteps,
    int runs,
    String planName,
    int planVersion) {}
