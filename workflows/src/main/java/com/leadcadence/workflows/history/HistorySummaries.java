package com.leadcadence.workflows.history;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OutcomeType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The wording of the summaries a lead's workflow puts on its activities and timers, so that its history
 * in the Temporal UI reads "sms-2: text #2 (waiting until 14:05 America/Chicago)" instead of a bare
 * {@code perform}. Plain functions of the plan, the lead's zone and the times given (the workflow's own
 * clock), so they are deterministic; no names, addresses or message text ever go in.
 */
public final class HistorySummaries {
  private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.US);

  private final List<CadenceStep> steps;
  private final ZoneId zone;

  /** zone: the lead's (first) zone, the one its quiet hours are read in. */
  public HistorySummaries(List<CadenceStep> steps, ZoneId zone) {
    this.steps = List.copyOf(steps);
    this.zone = zone;
  }

  /** "sms-2: text #2": the step's id, its channel and its place among that channel's steps. */
  public String step(int index) {
    CadenceStep step = steps.get(index);
    int nth = 0;
    for (int i = 0; i <= index; i++) {
      if (steps.get(i).channel() == step.channel()) {
        nth++;
      }
    }
    return step.id() + ": " + channelWord(step.channel()) + " #" + nth;
  }

  /** "sms-2: text #2 (waiting until 14:05 America/Chicago)". */
  public String waitingForStep(int index, Instant until, Instant now) {
    return step(index) + " (" + waitingUntil(until, now) + ")";
  }

  public String waitingForManagerAlert(Instant until, Instant now) {
    return "manager alert if still uncontacted (" + waitingUntil(until, now) + ")";
  }

  public String waitingForTaskDeadline(Instant until, Instant now) {
    return "call task deadline (" + waitingUntil(until, now) + ")";
  }

  public String waitingForPlanEnd(Instant until, Instant now) {
    return "plan done: retires at its last day (" + waitingUntil(until, now) + ")";
  }

  /** The short wait before a send that is no longer wanted is cancelled. */
  public String cancelGrace(int index, Duration grace) {
    return step(index) + " (" + grace.toSeconds() + " s to finish before it is cancelled)";
  }

  /** Recording a step that was not sent: "sms-2: text #2 (record as stale)". */
  public String recordUnsent(int index, String what) {
    return step(index) + " (record as " + what + ")";
  }

  public static String status(LeadStatus status) {
    return "lead row: status " + status;
  }

  public static String outcome(OutcomeType type, LeadStatus status) {
    return "lead row: outcome " + type + " (status " + status + ")";
  }

  public static String profile(int score, Grade grade, Long agentId) {
    return "lead row: score " + score + " (grade " + grade + "), agent " + (agentId == null ? "none" : agentId);
  }

  public static String planSwitch(String fromPlan, int fromVersion, String toPlan, int toVersion) {
    return "lead row: plan " + fromPlan + " v" + fromVersion + " -> " + toPlan + " v" + toVersion;
  }

  public static String managerAlert(String reason) {
    return "manager alert: " + reason;
  }

  public static String taskOverdue(long taskId) {
    return "task " + taskId + ": mark overdue";
  }

  public static String taskEscalation(long taskId) {
    return "task " + taskId + ": escalate to the next agent and the managers";
  }

  /** "waiting until 14:05 America/Chicago", with the day when it is not today in the lead's zone. */
  String waitingUntil(Instant until, Instant now) {
    ZonedDateTime at = until.atZone(zone);
    boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return "waiting until " + (today ? SAME_DAY : OTHER_DAY).format(at) + " " + zone.getId();
  }

  private static String channelWord(Channel channel) {
    return switch (channel) {
      case EMAIL -> "email";
      case SMS -> "text";
      case CALL -> "call task";
      case VOICEMAIL -> "voicemail drop";
    };
  }
}
