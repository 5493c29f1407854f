package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plan file's step conditions and call escalation delay, through the real workflow on the time-skipping
 * server: a step whose condition does not hold at its time is skipped (nothing sent, no touch), one whose
 * condition holds is performed, and a call step's own escalateAfter replaces the dealership's delay.
 */
class PlanConditionsWorkflowTest extends PlanWorkflowTestBase {


  @Test
  void stepsRunOnlyWhenTheirConditionsHoldAtTheirTime() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(conditionalPlan());
    LeadCadenceWorkflow workflow = harness.start(input);

    harness.env.sleep(Duration.ofMinutes(1));
    workflow.engagement(new EngagementEvent(EngagementType.EMAIL_OPEN, "ack"));
    harness.env.sleep(Duration.ofMinutes(20));
    TaskRow call = harness.tasks(input.leadId()).stream().filter(t -> t.kind() == TaskKind.CALL).findFirst()
        .orElseThrow();
    assertNotNull(call.escalatedAt(), "escalated 7 minutes after its due time (the dealership's B delay is 30)");
    assertTrue(Duration.between(call.dueAt().plus(Duration.ofMinutes(7)), call.escalatedAt()).abs()
        .compareTo(Duration.ofSeconds(2)) < 0, call.dueAt() + " -> " + call.escalatedAt());

    CadenceResult result = WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(LeadStatus.RETIRED, result.status());
    assertEquals(List.of("ack", "call-1", "email-if-no-reply", "email-final"),
        harness.touches(input.leadId()).stream().map(TouchRow::stepId).toList(),
        "no NO_ANSWER: no text; the ack was opened: no second email");
  }

  @Test
  void aNoAnswerBeforeItsTimeBringsAConditionalStepInAndAReplySkipsOne() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(conditionalPlan());
    LeadCadenceWorkflow workflow = harness.start(input);

    harness.env.sleep(Duration.ofMinutes(2));
    workflow.recordOutcome(new Outcome(OutcomeType.NO_ANSWER, input.assignedAgentId(), null));
    workflow.engagement(new EngagementEvent(EngagementType.EMAIL_REPLY, "thanks, will call"));

    WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    assertEquals(List.of("ack", "call-1", "sms-if-no-answer", "email-if-unopened", "email-final"),
        harness.touches(input.leadId()).stream().map(TouchRow::stepId).toList());
    TaskRow call = harness.tasks(input.leadId()).stream().filter(t -> t.kind() == TaskKind.CALL).findFirst()
        .orElseThrow();
    assertNull(call.escalatedAt(), "an outcome closes the task before its escalation");
  }

  private CadencePlan conditionalPlan() throws IOException {
    Files.writeString(plans.resolve("conditional.yml"), """
        name: conditional
        version: 2
        grades: [A, B, C, D]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: call-1
            channel: call
            template: call
            timing: +0m
            callSla: 5m
            escalateAfter: 7m
          - id: sms-if-no-answer
            channel: sms
            template: intro
            timing: +1h
            conditions: [last-call-no-answer]
          - id: email-if-unopened
            channel: email
            template: options
            timing: +2h
            conditions: [email-not-opened]
          - id: email-if-no-reply
            channel: email
            template: check-in
            timing: +3h
            conditions: [no-reply]
          - id: email-final
            channel: email
            template: final
            timing: day 1 at 10:00
        """);
    return new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(plans)
        .forLead(Grade.B, "website");
  }
}
