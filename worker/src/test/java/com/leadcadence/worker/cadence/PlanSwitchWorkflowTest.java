package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.dao.LeadChangeDao;
import com.leadcadence.store.rows.LeadChangeKind;
import com.leadcadence.store.rows.LeadChangeRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.PlanSwitch;
import com.leadcadence.workflows.model.PlanSwitchResult;
import com.leadcadence.workflows.model.PlanSwitchResult.Outcome;
import com.leadcadence.workflows.model.Rescore;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Running leads moved to another plan, through the real workflow and activities on the time-skipping
 * server: a migration's switchPlan Update (position by step id, no step twice, a reordered step skipped,
 * no counterpart left alone, the preview equal to the switch) and a grade change mid-cadence.
 */
class PlanSwitchWorkflowTest extends PlanWorkflowTestBase {


  @Test
  void aMigratedLeadContinuesAfterItsLastStepByIdAndNeverRepeatsOne() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan v1 = plan("v1", 1, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: email-2, channel: email, template: options, timing: +4h}
          - {id: email-3, channel: email, template: check-in, timing: day 1 at 10:00}
          - {id: email-final, channel: email, template: final, timing: day 3 at 10:00}
        """);
    CadencePlan v2 = plan("v2", 2, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: sms-extra, channel: sms, template: intro, timing: +2h}
          - {id: email-3, channel: email, template: check-in, timing: day 1 at 10:00}
          - {id: email-2, channel: email, template: options, timing: day 2 at 10:00}
          - {id: email-final, channel: email, template: final, timing: day 3 at 10:00}
        """);
    CadencePlan v3 = plan("v3", 3, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: email-3, channel: email, template: check-in, timing: day 1 at 10:00}
          - {id: sms-1, channel: sms, template: intro, timing: day 2 at 11:00}
          - {id: email-final, channel: email, template: final, timing: day 3 at 10:00}
        """);
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(v1);
    LeadCadenceWorkflow workflow = harness.start(input);

    harness.env.sleep(Duration.ofMinutes(90));
    assertEquals(List.of("ack", "sms-1"), stepIds(input.leadId()));
    PlanSwitchResult preview = workflow.previewPlanSwitch(v2);
    PlanSwitchResult switched = workflow.switchPlan(new PlanSwitch(v2, "migration 1 (flex v1 to v2)"));

    assertEquals(new PlanSwitchResult(Outcome.SWITCHED, "flex", 1, "flex", 2, "sms-1", "sms-extra", List.of(),
        "migration 1 (flex v1 to v2)"), switched);
    assertEquals(switched.outcome(), preview.outcome());
    assertEquals(switched.nextStepId(), preview.nextStepId());
    assertEquals("sms-extra", workflow.state().nextStepId());
    assertEquals(2, workflow.state().planVersion());
    assertEquals(Outcome.ALREADY_ON_IT, workflow.previewPlanSwitch(v2).outcome());

    // Day 1 after 10:00: ack, sms-1, sms-extra (v2) and email-3 have gone out; v3 puts sms-1 after email-3.
    harness.env.sleep(Duration.between(harness.now(), chicago("2026-11-24T12:00")));
    assertEquals(List.of("ack", "sms-1", "sms-extra", "email-3"), stepIds(input.leadId()));
    PlanSwitchResult again = workflow.switchPlan(new PlanSwitch(v3, "migration 2 (flex v2 to v3)"));
    assertEquals(Outcome.SWITCHED, again.outcome());
    assertEquals("email-3", again.position());
    assertEquals(List.of("sms-1"), again.alreadyDone());
    assertEquals("email-final", again.nextStepId());

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    List<String> sent = stepIds(input.leadId());
    assertEquals(List.of("ack", "sms-1", "sms-extra", "email-3", "email-final"), sent,
        "email-2 of v1 never came (v2 moved it, v3 dropped it), sms-1 not twice");
    assertEquals(sent.size(), new HashSet<>(sent).size());
    List<LeadChangeRow> plans = planChanges(input.leadId());
    assertEquals(List.of("flex v1 -> flex v2", "flex v2 -> flex v3"),
        plans.stream().map(c -> c.fromValue() + " -> " + c.toValue()).toList());
    assertEquals("migration 1 (flex v1 to v2)", plans.get(0).cause());
    assertEquals("next step sms-extra", plans.get(0).detail());
    assertEquals("flex v3", rowPlan(input.leadId()));
  }

  @Test
  void aLeadWhosePositionIsNotInTheNewPlanIsLeftAlone() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan v1 = plan("v1", 1, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: email-final, channel: email, template: final, timing: day 1 at 10:00}
        """);
    CadencePlan v4 = plan("v4", 4, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-welcome, channel: sms, template: intro, timing: +1h}
          - {id: email-other, channel: email, template: options, timing: +3h}
          - {id: email-final, channel: email, template: final, timing: day 1 at 10:00}
        """);
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(v1);
    LeadCadenceWorkflow workflow = harness.start(input);
    harness.env.sleep(Duration.ofMinutes(90));

    PlanSwitchResult preview = workflow.previewPlanSwitch(v4);
    PlanSwitchResult result = workflow.switchPlan(new PlanSwitch(v4, "migration 3"));

    assertEquals(Outcome.NO_COUNTERPART, result.outcome());
    assertEquals("sms-1", result.position());
    assertEquals(result, new PlanSwitchResult(preview.outcome(), preview.fromPlan(), preview.fromVersion(),
        preview.toPlan(), preview.toVersion(), preview.position(), preview.nextStepId(), preview.alreadyDone(),
        "migration 3"));
    assertEquals(1, workflow.state().planVersion());
    WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);
    assertEquals(List.of("ack", "sms-1", "email-final"), stepIds(input.leadId()), "still on v1");
    assertEquals(List.of(), planChanges(input.leadId()));
  }

  @Test
  void aMoveIntoGradeAFollowsTheHotPlanFromTheNextStepAndAlertsAManager() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    write("warm", """
        name: warm
        version: 1
        grades: [B, C, D]
        steps:
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: email-b, channel: email, template: options, timing: +5h}
          - {id: email-final, channel: email, template: final, timing: day 2 at 10:00}
        """);
    write("hot", """
        name: hot
        version: 1
        grades: [A]
        steps:
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: call-2, channel: call, template: call, timing: +2h, callSla: 5m}
          - {id: email-hot, channel: email, template: check-in, timing: +3h}
          - {id: email-final, channel: email, template: final, timing: day 1 at 10:00}
        """);
    CadencePlans byGrade = new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(plans);
    LeadCadenceInput base = harness.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceInput input = base.withPlan(byGrade.forLead(Grade.B, "website"))
        .followingGrades(byGrade.byGrade("website"));
    LeadCadenceWorkflow workflow = harness.start(input);

    harness.env.sleep(Duration.ofMinutes(75));
    assertEquals(List.of("ack", "sms-1"), stepIds(input.leadId()));
    workflow.rescore(new Rescore(90));
    harness.env.sleep(Duration.ofMinutes(1));

    LeadState state = workflow.state();
    assertEquals("hot", state.planName());
    assertEquals("call-2", state.nextStepId(), "the rest of the cadence follows the A plan after sms-1");
    List<ManagerAlert> alerts = harness.managerAlerts.stream().filter(a -> a.leadId() == input.leadId()).toList();
    assertEquals(1, alerts.size(), alerts.toString());
    assertTrue(alerts.get(0).reason().contains("grade A"), alerts.get(0).reason());

    workflow.recordOutcome(new com.leadcadence.workflows.model.Outcome(
        com.leadcadence.workflows.model.OutcomeType.NO_ANSWER, input.assignedAgentId(), null));
    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    assertEquals(List.of("ack", "sms-1", "call-2", "email-hot", "email-final"), stepIds(input.leadId()));
    List<LeadChangeRow> changes = planChanges(input.leadId());
    assertEquals(1, changes.size(), changes.toString());
    assertEquals("warm v1", changes.get(0).fromValue());
    assertEquals("hot v1", changes.get(0).toValue());
    assertEquals("grade B to A (rescored)", changes.get(0).cause());
    assertEquals("hot v1", rowPlan(input.leadId()));
  }

  @Test
  void aContinuedRunKeepsThePlanItSwitchedToAndWhatItWentThrough() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan v1 = plan("c1", 1, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: email-2, channel: email, template: options, timing: +4h}
          - {id: email-final, channel: email, template: final, timing: day 3 at 10:00}
        """);
    CadencePlan v2 = plan("c2", 2, """
          - {id: ack, channel: email, template: ack, timing: at receipt}
          - {id: sms-1, channel: sms, template: intro, timing: +1h}
          - {id: email-3, channel: email, template: check-in, timing: day 1 at 10:00}
          - {id: email-2, channel: email, template: options, timing: day 2 at 10:00}
          - {id: email-final, channel: email, template: final, timing: day 3 at 10:00}
        """);
    // A short history limit: the run continues as new several times after the switch.
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(v1).continuingAsNewAfter(30);
    LeadCadenceWorkflow workflow = harness.start(input);
    harness.env.sleep(Duration.ofMinutes(90));
    assertEquals(Outcome.SWITCHED, workflow.switchPlan(new PlanSwitch(v2, "migration 5")).outcome());
    // email-2 goes out on day 2 under v2, then a switch back to v1 finds it passed: only email-final is left.
    harness.env.sleep(Duration.between(harness.now(), chicago("2026-11-25T12:00")));
    LeadState beforeBack = workflow.state();
    assertTrue(beforeBack.runs() > 1, "continued as new since the switch: " + beforeBack);
    assertEquals("flex", beforeBack.planName());
    assertEquals(2, beforeBack.planVersion());
    PlanSwitchResult back = workflow.switchPlan(new PlanSwitch(v1, "migration 6 (back to v1)"));
    assertEquals(Outcome.SWITCHED, back.outcome());
    assertEquals("email-2", back.position());
    assertEquals("email-final", back.nextStepId());

    WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);
    List<String> sent = stepIds(input.leadId());
    assertEquals(List.of("ack", "sms-1", "email-3", "email-2", "email-final"), sent);
  }

  private List<String> stepIds(long leadId) {
    return harness.touches(leadId).stream().map(TouchRow::stepId).toList();
  }

  private static String rowPlan(long leadId) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT CONCAT(plan_name, ' v', plan_version) FROM leads WHERE id = :id")
        .bind("id", leadId).mapTo(String.class).one());
  }

  private static List<LeadChangeRow> planChanges(long leadId) {
    return db.jdbi().onDemand(LeadChangeDao.class).listByLead(leadId).stream()
        .filter(c -> c.kind() == LeadChangeKind.PLAN).toList();
  }

  /** Plan "flex" at a version, loaded (and validated) from its own directory as a plan file. */
  private CadencePlan plan(String subdir, int version, String steps) throws IOException {
    Path own = Files.createDirectories(plans.resolve(subdir));
    Files.writeString(own.resolve("flex.yml"),
        "name: flex\nversion: " + version + "\ngrades: [A, B, C, D]\nsteps:\n" + steps);
    return new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(own)
        .forLead(Grade.B, "website");
  }

  private void write(String name, String body) throws IOException {
    Files.writeString(plans.resolve(name + ".yml"), body);
  }
}
