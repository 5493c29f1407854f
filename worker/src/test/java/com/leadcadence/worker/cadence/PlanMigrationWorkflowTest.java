package com.leadcadence.worker.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.dao.CadenceMigrationDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.CadenceMigrationRow;
import com.leadcadence.store.rows.MigrationLeadRow;
import com.leadcadence.store.rows.MigrationOutcome;
import com.leadcadence.store.rows.MigrationStatus;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.migration.MigrationPace;
import com.leadcadence.workflows.migration.PlanMigrationInput;
import com.leadcadence.workflows.migration.PlanMigrationWorkflow;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A plan migration of running leads on the time-skipping server, through the real lead workflow and the
 * real activities: a dry run lists what would happen and changes nothing; the migration then does exactly
 * that. Each lead continues at its mapped step, no step runs twice, and a lead whose position has no
 * counterpart in the new version is listed and left on its old plan. Pages of two leads and one page per
 * run, so the migration also continues as new on the way.
 */
class PlanMigrationWorkflowTest extends PlanWorkflowTestBase {
  private static final String PLAN = "mig";
  /** Small pages (and one per run) so that three leads take two runs of the migration workflow. */
  private static final MigrationPace PACE = new MigrationPace(2, 2, 1);


  @Test
  void runningLeadsMoveFromTheirNextStepOnAndTheDryRunSaidSo() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan v1 = plan("v1", 1, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: e1, channel: email, template: vehicle-details, timing: +1h}
          - {id: e2, channel: email, template: options, timing: day 1 at 12:00}
          - {id: e3, channel: email, template: check-in, timing: day 2 at 12:00}
          - {id: e4, channel: email, template: options, timing: day 3 at 12:00}
        """);
    // e2 is gone; e1x is new after e1; e5 is new at the end.
    CadencePlan v2 = plan("v2", 2, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: e1, channel: email, template: vehicle-details, timing: +1h}
          - {id: e1x, channel: email, template: check-in, timing: +3h}
          - {id: e3, channel: email, template: check-in, timing: day 2 at 12:00}
          - {id: e4, channel: email, template: options, timing: day 3 at 12:00}
          - {id: e5, channel: email, template: options, timing: day 4 at 12:00}
        """);

    // b goes first and gets past e2 (not in v2); a and c then get past e1 only.
    long b = start(v1, "b", true);
    harness.env.sleep(Duration.ofHours(27));
    long a = start(v1, "a", true);
    long c = start(v1, "c", true);
    long unrecorded = start(v1, "unrecorded", false); // started before V15: no plan on its row
    long ghost = harness.newLead(new LeadContact("ghost", "Doe", "ghost@example.com", "+13125551999",
        "America/Chicago"), GRADE_B, Set.of()).leadId(); // its row says ACTIVE, but it has no workflow
    db.jdbi().onDemand(LeadDao.class).recordPlan(ghost, PLAN, 1);
    harness.env.sleep(Duration.ofMinutes(90));
    assertEquals(List.of("ack", "e1", "e2"), stepIds(b));
    assertEquals(List.of("ack", "e1"), stepIds(a));

    long changesBefore = leadChanges();
    Map<Long, MigrationLeadRow> dry = migrate(v1, v2, true);
    CadenceMigrationRow dryRow = migration(dry);
    assertEquals(MigrationStatus.DONE, dryRow.status());
    assertEquals(4, dryRow.total());
    assertEquals(List.of(2, 1, 0, 1, 0),
        List.of(dryRow.switched(), dryRow.noCounterpart(), dryRow.already(), dryRow.notRunning(), dryRow.failed()));
    assertEquals(Set.of(a, b, c, ghost), dry.keySet(), "the lead without a recorded plan is not migrated");
    assertEquals(MigrationOutcome.NOT_RUNNING, dry.get(ghost).outcome());
    assertMoved(dry.get(a));
    assertMoved(dry.get(c));
    assertEquals(MigrationOutcome.NO_COUNTERPART, dry.get(b).outcome());
    assertEquals("e2", dry.get(b).position());
    // A dry run changes nothing.
    for (long lead : List.of(a, b, c)) {
      assertEquals(1, planVersion(lead), "lead " + lead);
    }
    assertEquals(changesBefore, leadChanges());
    assertEquals("e2", stub(a).state().nextStepId());

    Map<Long, MigrationLeadRow> done = migrate(v1, v2, false);
    CadenceMigrationRow row = migration(done);
    assertEquals(MigrationStatus.DONE, row.status());
    assertEquals(List.of(2, 1, 0, 1, 0),
        List.of(row.switched(), row.noCounterpart(), row.already(), row.notRunning(), row.failed()));
    assertTrue(continuedAsNew(row.id()), "four leads in pages of two, one page a run: a second run");
    for (long lead : List.of(a, b, c, ghost)) {
      assertEquals(dry.get(lead).outcome(), done.get(lead).outcome(), "the dry run said what happened");
      assertEquals(dry.get(lead).position(), done.get(lead).position());
      assertEquals(dry.get(lead).nextStepId(), done.get(lead).nextStepId());
    }
    assertEquals("e1x", stub(a).state().nextStepId());
    assertEquals("e3", stub(b).state().nextStepId(), "left on its old plan");

    harness.env.sleep(Duration.ofDays(4));
    assertEquals(List.of("ack", "e1", "e1x", "e3", "e4", "e5"), stepIds(a));
    assertEquals(List.of("ack", "e1", "e1x", "e3", "e4", "e5"), stepIds(c));
    assertEquals(List.of("ack", "e1", "e2", "e3", "e4"), stepIds(b));
    assertEquals(List.of("ack", "e1", "e2", "e3", "e4"), stepIds(unrecorded));
    for (long lead : List.of(a, b, c)) {
      List<String> ids = stepIds(lead);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no step twice: " + ids);
    }
    assertEquals(2, planVersion(a));
    assertEquals(2, planVersion(c));
    assertEquals(1, planVersion(b));
  }

  private static void assertMoved(MigrationLeadRow lead) {
    assertEquals(MigrationOutcome.SWITCHED, lead.outcome(), lead.toString());
    assertEquals("e1", lead.position());
    assertEquals("e1x", lead.nextStepId());
  }

  /** Records and runs a migration as the API does, and answers its per-lead results by lead. */
  private Map<Long, MigrationLeadRow> migrate(CadencePlan from, CadencePlan to, boolean dryRun) {
    CadenceMigrationDao migrations = db.jdbi().onDemand(CadenceMigrationDao.class);
    long id = migrations.insert(harness.dealershipId, PLAN, from.version(), to.version(), dryRun,
        migrations.countRunningLeads(harness.dealershipId, PLAN, from.version()));
    PlanMigrationWorkflow workflow = harness.client.newWorkflowStub(PlanMigrationWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(PlanMigrationWorkflow.workflowId(id))
            .setTaskQueue(TaskQueues.LEAD_CADENCE).build());
    WorkflowClient.start(workflow::run, new PlanMigrationInput(id, harness.dealershipId, PLAN, from.version(), to,
        dryRun, PACE, 0, 0));
    // Waited for in real time, not through getResult: that would let the server skip time while the
    // migration waits between leads, to the leads' next steps (their positions would move under the test).
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (migrations.findById(id).orElseThrow().status() == MigrationStatus.RUNNING) {
      assertTrue(System.nanoTime() < deadline, "migration " + id + " still RUNNING after 60 s");
      sleep(100);
    }
    return migrations.leads(id, null, 0, 100).stream()
        .collect(Collectors.toMap(MigrationLeadRow::leadId, Function.identity()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Whether the migration's last run was started by continue-as-new. */
  private boolean continuedAsNew(long migrationId) {
    return !harness.client.fetchHistory(PlanMigrationWorkflow.workflowId(migrationId)).getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId().isEmpty();
  }

  private CadenceMigrationRow migration(Map<Long, MigrationLeadRow> leads) {
    long id = leads.values().iterator().next().migrationId();
    return db.jdbi().onDemand(CadenceMigrationDao.class).findById(id).orElseThrow();
  }

  private long start(CadencePlan plan, String name, boolean recordPlan) {
    LeadCadenceInput lead = harness.newLead(
        new LeadContact(name, "Doe", name + "@example.com", "+1312555" + (1000 + name.length()), "America/Chicago"),
        GRADE_B, Set.of());
    if (recordPlan) {
      db.jdbi().onDemand(LeadDao.class).recordPlan(lead.leadId(), plan.name(), plan.version());
    }
    harness.start(new LeadCadenceInput(lead.leadId(), lead.dealershipId(), lead.source(), lead.contact(),
        lead.vehicle(), lead.score(), lead.assignedAgentId(), lead.blockedChannels(), lead.schedule(), plan,
        lead.receivedAt()));
    return lead.leadId();
  }

  private LeadCadenceWorkflow stub(long leadId) {
    return harness.client.newWorkflowStub(LeadCadenceWorkflow.class, "lead-" + leadId);
  }

  private List<String> stepIds(long leadId) {
    return harness.touches(leadId).stream().map(TouchRow::stepId).toList();
  }

  private int planVersion(long leadId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT plan_version FROM leads WHERE id = :id")
        .bind("id", leadId).mapTo(Integer.class).one());
  }

  private long leadChanges() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lead_changes").mapTo(Long.class).one());
  }

  private CadencePlan plan(String dir, int version, String steps) throws IOException {
    Path folder = Files.createDirectories(plans.resolve(dir));
    Files.writeString(folder.resolve(PLAN + ".yml"), """
        name: mig
        version: %d
        grades: [A, B, C, D]
        steps:
        %s""".formatted(version, steps));
    CadencePlan plan = new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(folder)
        .forLead(Grade.B, "website");
    assertTrue(plan.version() == version);
    return plan;
  }
}
