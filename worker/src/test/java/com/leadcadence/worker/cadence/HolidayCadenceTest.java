package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.CHICAGO;
import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dealership's holiday in a real cadence (time-skipping server, real activities and database): the
 * call step that falls on Thanksgiving waits for Friday's opening, texts and emails keep their times,
 * and the same lead at a dealership without holidays is called on Thursday as before.
 */
class HolidayCadenceTest {
  /** Wednesday 2026-11-25, 10:00 in Chicago: open; "day 1" of the cadence is Thanksgiving. */
  private static final Instant WEDNESDAY_10AM = chicago("2026-11-25T10:00");
  private static final LocalDate THANKSGIVING = LocalDate.parse("2026-11-26");
  private static final int GRADE_B = 60;

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void aCallStepOnAHolidayMovesToTheNextOpenDay() throws Exception {
    try (CadenceHarness h = CadenceHarness.forDealership(db, WEDNESDAY_10AM,
        demoWith("holiday-test-key", "12-25; 4th THU of NOV"))) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      assertEquals(List.of("12-25", "4th THU of NOV"), input.schedule().holidays());
      LeadCadenceWorkflow workflow = h.start(input);

      h.env.sleep(Duration.ofDays(3));

      List<String> days = timeline(h.touches(input.leadId()));
      assertEquals(List.of(
          "2026-11-25 10:00 EMAIL ack",
          "2026-11-25 10:00 CALL call-1",
          "2026-11-25 10:15 SMS sms-1",
          "2026-11-25 10:30 EMAIL email-2",
          "2026-11-25 14:00 SMS sms-2",
          "2026-11-25 14:05 CALL call-2",
          "2026-11-26 10:30 SMS sms-3",
          "2026-11-27 09:00 CALL call-3",
          "2026-11-27 11:00 VOICEMAIL vm-1"), days.subList(0, 9));
      for (TouchRow t : h.touches(input.leadId())) {
        if (t.channel().needsBusinessHours()) {
          assertTrue(!t.performedAt().atZone(CHICAGO).toLocalDate().equals(THANKSGIVING), t.stepId() + " on the holiday");
        }
      }
      TaskRow thirdCall = h.tasks(input.leadId()).stream().filter(t -> t.kind() == TaskKind.CALL).toList().get(2);
      assertTrue(!thirdCall.dueAt().isBefore(chicago("2026-11-27T09:00")), "due after the opening: " + thirdCall.dueAt());

      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, h.firstAgentId(), "reached on Friday"));
      WorkflowReplayer.replayWorkflowExecution(h.client.fetchHistory(WorkflowIds.forLead(input.leadId())),
          LeadCadenceWorkflowImpl.class);
    }
  }

  @Test
  void withoutHolidaysTheSameCallIsOnThursdayAsBefore() {
    try (CadenceHarness h = CadenceHarness.forDealership(db, WEDNESDAY_10AM, demoWith("no-holiday-test-key", ""))) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      assertEquals(List.of(), input.schedule().holidays());
      LeadCadenceWorkflow workflow = h.start(input);

      h.env.sleep(Duration.ofDays(3));

      List<String> days = timeline(h.touches(input.leadId()));
      assertEquals(List.of("2026-11-26 10:30 SMS sms-3", "2026-11-26 17:30 CALL call-3",
          "2026-11-27 11:00 VOICEMAIL vm-1"), days.subList(6, 9));
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, h.firstAgentId(), "reached on Thursday"));
    }
  }

  private static DealershipSeed demoWith(String apiKey, String holidays) {
    DealershipSeed demo = DemoDealership.SEED;
    return new DealershipSeed(demo.name(), demo.timeZone(), demo.businessHours(), holidays, demo.senderName(),
        demo.senderEmail(), demo.senderPhone(), demo.webFormCapturesConsent(), demo.firstPartySources(), null,
        apiKey, demo.agents());
  }

  private static List<String> timeline(List<TouchRow> touches) {
    List<String> lines = new ArrayList<>();
    for (TouchRow t : touches) {
      ZonedDateTime at = t.performedAt().atZone(CHICAGO).truncatedTo(ChronoUnit.MINUTES);
      lines.add(String.format("%s %s %s %s", at.toLocalDate(), at.toLocalTime(), t.channel(), t.stepId()));
    }
    return lines;
  }
}
