package com.leadcadence.workflows.model;

import com.leadcadence.workflows.tasks.TaskDeadlines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a lead's workflow knows, carried to its next run when it continues as new (a long history):
 * where it is in the plan, what it performed and counted, pauses, opt-outs and blocked channels, the
 * score and agent, the tasks whose SLA it watches, and the catch-up bookkeeping of the send-time rules.
 * The new run starts from exactly this, so it neither repeats a step nor forgets a signal. runs counts
 * the runs before the one that takes it over. emailReplied and emailOpened (for step conditions) are null
 * in continuations from before them: nothing seen. passedStepIds (null: none) are the steps the lead went
 * through in plans it left (plan switches), never run again; planGrade (null: the input's grade) the grade
 * its current plan was chosen for; touchIndexBase (null: 0) what a switch added to touch numbers.
 */
public record CadenceContinuation(
    int runs,
    LeadStatus status,
    LeadStatus recordedStatus,
    int score,
    Long agentId,
    Set<Channel> unavailable,
    Set<Channel> optedOut,
    boolean replied,
    boolean contactMade,
    OutcomeType lastOutcome,
    int outcomeCount,
    int nextIndex,
    int stepsDone,
    int attempts,
    Instant lastStepAt,
    Map<Integer, Instant> pulledForward,
    boolean paused,
    Instant pausedAt,
    Duration pauseShift,
    Instant managerAlertAt,
    List<TaskDeadlines.Watched> watchedTasks,
    int escalations,
    Long lastEscalatedTaskId,
    Instant onTimeCursor,
    Instant lateStepAt,
    Instant lateStepOnTime,
    Map<Channel, Instant> caughtUpAt,
    Instant refusedUntil,
    int failedSteps,
    int staleSteps,
    int cancelledSteps,
    Set<String> reInquiries,
    Boolean emailReplied,
    Boolean emailOpened,
    Set<String> passedStepIds,
    Grade planGrade,
    Integer touchIndexBase) {}
