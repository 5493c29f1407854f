package com.leadcadence.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One event of a lead workflow's history, summarised: when, which event, and what it concerns. activity:
 * the activity's type and id ("perform #12"), or for a later event of it the activity it belongs to;
 * summary: the summary the workflow gave the activity or timer ("sms-2: text #2 (waiting until 14:05
 * America/Chicago)"); signal and update: the message's name; payload: its input, result or failure, with
 * personal data masked. Fields that do not apply are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryLine(
    long eventId,
    String runId,
    Instant time,
    String type,
    String activity,
    String summary,
    String signal,
    String update,
    String payload) {}
