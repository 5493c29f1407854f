package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.plan.VariantChoice;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan file's A/B step through the real workflow on the time-skipping server: the step's variants reach the
 * touch activity, which sends the lead's variant and records it on the touch.
 */
class PlanVariantsWorkflowTest {
  /** Monday 2026-11-23, 10:00 in Chicago: the dealership (MON-SAT 09:00-20:00) is open. */
  private static final Instant MONDAY_10AM = chicago("2026-11-23T10:00");
  private static final int GRADE_B = 60;

  private static TestDatabase db;
  private CadenceHarness harness;
  @TempDir Path plans;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @AfterEach
  void closeHarness() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void theLeadGetsItsVariantAndTheTouchRecordsIt() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan plan = variantsPlan();
    LeadCadenceInput lead = harness.newLead(chicagoLead(), GRADE_B, Set.of());
    LeadCadenceInput input = new LeadCadenceInput(lead.leadId(), lead.dealershipId(), lead.source(), lead.contact(),
        lead.vehicle(), lead.score(), lead.assignedAgentId(), lead.blockedChannels(), lead.schedule(), plan,
        lead.receivedAt());
    LeadCadenceWorkflow workflow = harness.start(input);

    WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    List<TouchRow> touches = harness.touches(input.leadId());
    assertEquals(List.of("ack", "email-ab"), touches.stream().map(TouchRow::stepId).toList());
    assertNull(touches.get(0).variant(), "a one-template step records no variant");
    String expected = VariantChoice.of(input.leadId(), "email-ab", plan.steps().get(1).variants()).template();
    assertEquals(expected, touches.get(1).variant());
    assertEquals(expected, touches.get(1).templateId());
  }

  private CadencePlan variantsPlan() throws IOException {
    Files.writeString(plans.resolve("ab.yml"), """
        name: ab
        version: 1
        grades: [A, B, C, D]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-ab
            channel: email
            timing: +1h
            variants:
              - {template: options, weight: 1}
              - {template: check-in, weight: 1}
        """);
    return new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(plans)
        .forLead(Grade.B, "website");
  }
}
