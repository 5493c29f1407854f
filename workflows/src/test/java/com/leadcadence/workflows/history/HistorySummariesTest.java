package com.leadcadence.workflows.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySummariesTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  /** 2026-11-30 10:00 in Chicago (UTC-6). */
  private static final Instant NOW = Instant.parse("2026-11-30T16:00:00Z");
  /** A plan's shape: the ids and channels matter here, not the timing. */
  private static final List<CadenceStep> STEPS = List.of(
      step("ack", Channel.EMAIL), step("call-1", Channel.CALL), step("sms-1", Channel.SMS),
      step("email-2", Channel.EMAIL), step("sms-2", Channel.SMS), step("call-2", Channel.CALL),
      step("sms-3", Channel.SMS), step("vm-1", Channel.VOICEMAIL), step("email-30", Channel.EMAIL));
  private final HistorySummaries summaries = new HistorySummaries(STEPS, CHICAGO);

  private static CadenceStep step(String id, Channel channel) {
    return CadenceStep.of(id, channel, "template", StepTiming.atReceipt());
  }

  @Test
  void aStepIsNamedByItsIdChannelAndPlaceAmongItsChannel() {
    assertEquals("ack: email #1", summaries.step(0));
    assertEquals("call-1: call task #1", summaries.step(1));
    assertEquals("sms-2: text #2", summaries.step(4));
    assertEquals("call-2: call task #2", summaries.step(5));
    assertEquals("vm-1: voicemail drop #1", summaries.step(7));
    assertEquals("email-30: email #3", summaries.step(8));
  }

  @Test
  void aWaitSaysUntilWhenInTheLeadsZone() {
    assertEquals("sms-2: text #2 (waiting until 14:05 America/Chicago)",
        summaries.waitingForStep(4, Instant.parse("2026-11-30T20:05:00Z"), NOW));
  }

  @Test
  void aWaitPastTodayNamesTheDay() {
    // 02:30 UTC on Dec 1 is still Nov 30 in Chicago; 15:00 UTC on Dec 2 is another day.
    assertEquals("sms-3: text #3 (waiting until 20:30 America/Chicago)",
        summaries.waitingForStep(6, Instant.parse("2026-12-01T02:30:00Z"), NOW));
    assertEquals("sms-3: text #3 (waiting until Wed Dec 2 09:00 America/Chicago)",
        summaries.waitingForStep(6, Instant.parse("2026-12-02T15:00:00Z"), NOW));
  }

  @Test
  void otherWaitsAndRecordsSayWhatTheyAreFor() {
    Instant at = Instant.parse("2026-11-30T16:15:00Z");
    assertEquals("manager alert if still uncontacted (waiting until 10:15 America/Chicago)",
        summaries.waitingForManagerAlert(at, NOW));
    assertEquals("call task deadline (waiting until 10:15 America/Chicago)", summaries.waitingForTaskDeadline(at, NOW));
    assertEquals("sms-1: text #1 (2 s to finish before it is cancelled)", summaries.cancelGrace(2, Duration.ofSeconds(2)));
    assertEquals("email-2: email #2 (record as stale)", summaries.recordUnsent(3, "stale"));
    assertEquals("lead row: status PAUSED", HistorySummaries.status(LeadStatus.PAUSED));
    assertEquals("lead row: outcome NO_ANSWER (status ACTIVE)",
        HistorySummaries.outcome(OutcomeType.NO_ANSWER, LeadStatus.ACTIVE));
    assertEquals("lead row: score 80 (grade A), agent 3", HistorySummaries.profile(80, Grade.A, 3L));
    assertEquals("task 12: mark overdue", HistorySummaries.taskOverdue(12));
  }
}
