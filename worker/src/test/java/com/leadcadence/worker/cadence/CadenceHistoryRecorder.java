package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.model.PauseRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the replay fixtures of a release: real runs of the current workflow code through the
 * time-skipping test server with the real activities (a real database, dry-run senders), one lead per
 * scenario, each from a fixed start instant. Every history is written, closed, with
 * {@link WorkflowExecutionHistory#toJson(boolean)} to
 * {@code worker/src/test/resources/histories/<release>/<scenario>.json}, where
 * {@link RecordedHistoriesReplayTest} replays it against the code of every later build.
 *
 * <p>Not part of the build: its name is outside Surefire's default includes and it only runs with
 * {@code -Drecord.histories=true}. Record a release with (from the repository root):
 *
 * <pre>
 * mvn -B -pl worker -am test -Dtest=CadenceHistoryRecorder -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drecord.histories=true -Drecord.release=0.1.0
 * </pre>
 */
@EnabledIfSystemProperty(named = "record.histories", matches = "true")
@TestMethodOrder(MethodOrderer.MethodName.class) // the same lead ids from one recording to the next
class CadenceHistoryRecorder {
  /** Monday 2026-11-23, 10:00 in Chicago: the dealership (MON-SAT 09:00-20:00) is open. */
  private static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  /** Tuesday 2026-11-24, 11:00 in Chicago: open all day. */
  private static final Instant TUESDAY_11AM = chicago("2026-11-24T11:00");
  private static final int GRADE_B = 60;
  private static final int GRADE_A = 90;

  private static TestDatabase db;
  private static Path folder;

  @BeforeAll
  static void setUp() throws IOException {
    String release = System.getProperty("record.release", "").trim();
    if (release.isEmpty()) {
      throw new IllegalArgumentException("say which release these histories belong to: -Drecord.release=<version>");
    }
    folder = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "histories", release);
    Files.createDirectories(folder);
    db = TestDatabase.create();
  }

  @AfterAll
  static void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  /** A grade-B lead nobody reaches: every step of the 30-day plan, three escalated call tasks, RETIRED. */
  @Test
  void fullCadence() throws IOException {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      assertEquals(LeadStatus.RETIRED, WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class).status());
      write(h, input, "full-cadence");
    }
  }

  /** Paused five minutes in (after the acknowledgment and the call task), resumed two days later, RETIRED. */
  @Test
  void pausedAndResumed() throws IOException {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(5));
      workflow.pause(new PauseRequest("customer asked to wait"));
      h.env.sleep(Duration.ofDays(2));
      workflow.resume(new PauseRequest("back from vacation"));
      assertEquals(LeadStatus.RETIRED, WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class).status());
      write(h, input, "paused-resumed");
    }
  }

  /** STOP to texts a minute in, the cadence goes on for two days, then an opt-out of everything: OPTED_OUT. */
  @Test
  void optedOut() throws IOException {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(1));
      workflow.optOut(new OptOutRequest(Set.of(OptOutChannel.SMS), "sms-stop"));
      h.env.sleep(Duration.ofDays(2));
      workflow.optOut(new OptOutRequest(Set.of(OptOutChannel.ALL), "unsubscribe"));
      assertEquals(LeadStatus.OPTED_OUT, WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class).status());
      write(h, input, "opted-out");
    }
  }

  /**
   * Outcomes (Updates) in the middle of the cadence: NO_ANSWER on the first call (the follow-up text is
   * pulled forward), an email open a day later, then APPOINTMENT_SET on day three, which ends it.
   */
  @Test
  void outcomeMidCadence() throws IOException {
    try (CadenceHarness h = new CadenceHarness(db, MONDAY_10AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_B, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(3));
      workflow.recordOutcome(new Outcome(OutcomeType.NO_ANSWER, h.firstAgentId(), "rang out"));
      h.env.sleep(Duration.ofDays(1));
      workflow.engagement(new EngagementEvent(EngagementType.EMAIL_OPEN, null));
      h.env.sleep(Duration.ofDays(1));
      workflow.recordOutcome(new Outcome(OutcomeType.APPOINTMENT_SET, h.firstAgentId(), "Saturday 10:00"));
      assertEquals(LeadStatus.APPOINTMENT_SET,
          WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class).status());
      write(h, input, "outcome-mid-cadence");
    }
  }

  /** A grade-A lead whose first call task nobody works: OVERDUE at 5 minutes, escalated at 15, then CONTACTED. */
  @Test
  void escalatedCallTask() throws IOException {
    try (CadenceHarness h = new CadenceHarness(db, TUESDAY_11AM)) {
      LeadCadenceInput input = h.newLead(chicagoLead(), GRADE_A, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);
      h.env.sleep(Duration.ofMinutes(20));
      assertEquals(1, workflow.state().escalations(), "the call task was escalated");
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, "reached by the second agent"));
      assertEquals(LeadStatus.CONTACTED, WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class).status());
      write(h, input, "escalated-call-task");
    }
  }

  /**
   * Writes the closed history, with the recording worker's identity ("pid@host") replaced so that a
   * re-recording differs only where the code's behaviour or the run ids changed, then checks that the
   * file as written replays against the code that made it.
   */
  private static void write(CadenceHarness h, LeadCadenceInput input, String scenario) throws IOException {
    WorkflowExecutionHistory history = h.client.fetchHistory(WorkflowIds.forLead(input.leadId()));
    assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, history.getLastEvent().getEventType(),
        scenario + ": the workflow must have closed");
    String json = IDENTITY.matcher(history.toJson(true)).replaceAll("\"identity\": \"history-recorder\"");
    Path file = folder.resolve(scenario + ".json");
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    try {
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(Files.readString(file, StandardCharsets.UTF_8)),
          LeadCadenceWorkflowImpl.class);
    } catch (Exception e) {
      throw new AssertionError(scenario + ": the recorded history does not replay", e);
    }
    System.out.printf("recorded %s (%d events)%n", file.toAbsolutePath().normalize(), history.getEvents().size());
  }

  private static final Pattern IDENTITY = Pattern.compile("\"identity\": \"[^\"]*\"");
}
