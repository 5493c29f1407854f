package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.plan.StepTimings;
import com.leadcadence.workflows.plan.VariantChoice;
import com.leadcadence.workflows.schedule.BusinessCalendar;
import com.leadcadence.workflows.schedule.CadenceClock;
import com.leadcadence.workflows.schedule.LeadZones;
import java.time.LocalTime;
import java.time.ZoneId;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plan file's A/B step through the real workflow on the time-skipping server: the step's variants reach the
 * touch activity, which sends the lead's variant and records it on the touch.
 */
class PlanVariantsWorkflowTest extends PlanWorkflowTestBase {


  @Test
  void theLeadGetsItsVariantAndTheTouchRecordsIt() throws IOException {
    harness = new CadenceHarness(db, MONDAY_10AM);
    CadencePlan plan = variantsPlan();
    LeadCadenceInput input = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(plan);
    LeadCadenceWorkflow workflow = harness.start(input);

    WorkflowStub.fromTyped(workflow).getResult(CadenceResult.class);

    List<TouchRow> touches = harness.touches(input.leadId());
    assertEquals(List.of("ack", "email-ab"), touches.stream().map(TouchRow::stepId).toList());
    assertNull(touches.get(0).variant(), "a one-template step records no variant");
    String expected = VariantChoice.of(input.leadId(), "email-ab", plan.steps().get(1).variants()).template();
    assertEquals(expected, touches.get(1).variant());
    assertEquals(expected, touches.get(1).templateId());
  }

  /**
   * A step with A/B timings (and A/B templates): each lead's touch goes out at the timing it gets, the one
   * StepTimings gives for its id, and records both variants. One lead of each timing runs.
   */
  @Test
  void eachLeadsStepFiresAtItsChosenTimingAndTheTouchRecordsIt() throws IOException {
    CadencePlan plan = timingVariantsPlan();
    CadenceStep step = plan.steps().get(1);
    Set<String> timingsSeen = new java.util.HashSet<>();
    for (String wanted : List.of("day 1 at 10:00", "day 1 at 17:30")) {
      // A fresh test server per lead: a lead arriving after another's whole cadence would find the server's
      // clock far past its receipt. The lead is picked by its timing before it runs.
      if (harness != null) {
        harness.close();
      }
      harness = new CadenceHarness(db, MONDAY_10AM);
      LeadCadenceInput input = null;
      for (int n = 0; n < 40 && input == null; n++) {
        LeadCadenceInput lead = harness.newLead(chicagoLead(), GRADE_B, Set.of()).withPlan(plan);
        if (StepTimings.label(StepTimings.timingFor(step, lead.leadId())).equals(wanted)) {
          input = lead;
        }
      }
      assertNotNull(input, "a lead with timing " + wanted + " among 40");
      WorkflowStub.fromTyped(harness.start(input)).getResult(CadenceResult.class);

      TouchRow touch = harness.touches(input.leadId()).get(1);
      String timing = StepTimings.label(StepTimings.timingFor(step, input.leadId()));
      timingsSeen.add(timing);
      // Day 1 of the lead's cadence, at its timing.
      BusinessCalendar business = new BusinessCalendar(input.schedule());
      Instant expectedAt = new CadenceClock(input.receivedAt(), business,
          LeadZones.parse(input.contact().timeZone(), business.zone()).get(0))
          .plannedAt(StepTimings.timingFor(step, input.leadId()));
      assertEquals(timing.equals("day 1 at 10:00") ? LocalTime.of(10, 0) : LocalTime.of(17, 30),
          expectedAt.atZone(ZoneId.of("America/Chicago")).toLocalTime());
      // (workflow time, a timer's few milliseconds after it)
      java.time.Duration late = java.time.Duration.between(expectedAt, touch.performedAt());
      assertTrue(!late.isNegative() && late.getSeconds() < 60,
          "lead " + input.leadId() + " got " + timing + ": sent at " + touch.performedAt());
      String template = VariantChoice.of(input.leadId(), "email-ab", step.variants()).template();
      assertEquals(template + "+time:" + timing, touch.variant());
      assertEquals(template, touch.templateId());
    }
    assertEquals(Set.of("day 1 at 10:00", "day 1 at 17:30"), timingsSeen);
  }

  private CadencePlan timingVariantsPlan() throws IOException {
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
            variants:
              - {template: options, weight: 1}
              - {template: check-in, weight: 1}
            timingVariants:
              - {timing: day 1 at 10:00, weight: 1}
              - {timing: day 1 at 17:30, weight: 1}
        """);
    return new CadencePlanLoader(new MessageTemplates(CadenceHarness.TEMPLATES)).load(plans)
        .forLead(Grade.B, "website");
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
