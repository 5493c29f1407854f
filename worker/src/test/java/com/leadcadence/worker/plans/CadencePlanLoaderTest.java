package com.leadcadence.worker.plans;

import static com.leadcadence.worker.plans.DefaultPlanFilesTest.TEMPLATES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.StepCondition;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.model.TimingVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a plan directory: a valid one with every form of timing, and one test per kind of mistake, each
 * named by file, step and field. Every directory here serves grades B, C and D with {@code none.yml};
 * each test adds the plan for grade A it is about.
 */
class CadencePlanLoaderTest {
  @TempDir Path dir;

  @BeforeEach
  void otherGrades() throws IOException {
    write("none.yml", """
        name: none
        version: 1
        grades: [B, C, D]
        steps: []
        """);
  }

  @Test
  void aValidPlanWithEveryKindOfTimingConditionAndCallSetting() throws IOException {
    write("hot.yml", plan("""
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: call-1
            channel: CALL
            template: call
            timing: +0
            callSla: 5m
            escalateAfter: 1h30m
          - id: sms-1
            channel: sms
            template: intro
            timing: +15m
            afterNoAnswer: 0m
            conditions: [last-call-no-answer, no-reply]
          - id: email-d1
            channel: email
            template: options
            timing: day 1 rotate
            conditions: [EMAIL_NOT_OPENED]
          - id: call-d2
            channel: call
            template: call
            timing: day 2 rotate
            callSla: 15m
          - id: vm-d3
            channel: voicemail
            template: vm-intro
            timing: day 3 rotate
          - id: email-d4
            channel: email
            template: check-in
            timing: day 4 rotate
          - id: email-d5
            channel: email
            template: nurture
            timing: day 5 at 9:15
        """));
    CadencePlan plan = load().forLead(Grade.A, "website");

    assertEquals("hot", plan.name());
    assertEquals(3, plan.version());
    List<CadenceStep> s = plan.steps();
    assertEquals(StepTiming.atReceipt(), s.get(0).timing());
    assertEquals(new CadenceStep("call-1", Channel.CALL, "call", StepTiming.afterStart(Duration.ZERO), null,
        Duration.ofMinutes(5), Duration.ofMinutes(90), List.of()), s.get(1));
    assertEquals(new CadenceStep("sms-1", Channel.SMS, "intro", StepTiming.afterStart(Duration.ofMinutes(15)),
        Duration.ZERO, null, null, List.of(StepCondition.LAST_CALL_NO_ANSWER, StepCondition.NO_REPLY)), s.get(2));
    assertEquals(List.of(StepCondition.EMAIL_NOT_OPENED), s.get(3).conditions());
    // rotate: morning, afternoon, evening, then morning again
    assertEquals(StepTiming.onDay(1, LocalTime.of(10, 0)), s.get(3).timing());
    assertEquals(StepTiming.onDay(2, LocalTime.of(14, 0)), s.get(4).timing());
    assertEquals(StepTiming.onDay(3, LocalTime.of(18, 0)), s.get(5).timing());
    assertEquals(StepTiming.onDay(4, LocalTime.of(10, 0)), s.get(6).timing());
    assertEquals(StepTiming.onDay(5, LocalTime.of(9, 15)), s.get(7).timing());
    assertEquals(Duration.ofMinutes(15), plan.managerAlertAfter());
  }

  @Test
  void aPlanForOneSourceServesThatSourceOnly() throws IOException {
    write("hot.yml", plan(ACK));
    write("hot-facebook.yml", """
        name: hot-facebook
        version: 1
        grades: [A]
        sources: [facebook]
        steps: []
        """);
    CadencePlans plans = load();
    assertEquals("hot-facebook", plans.forLead(Grade.A, "facebook").name());
    assertEquals("hot", plans.forLead(Grade.A, "website").name());
    assertEquals("none", plans.forLead(Grade.B, "facebook").name());
  }

  @Test
  void unknownTemplate() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-2
            channel: email
            template: vehicle-detials
            timing: +30m
        """));
    assertOnlyProblem("hot.yml: step 'email-2': template: unknown email template 'vehicle-detials'");
  }

  @Test
  void stepsOutOfOrder() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: sms-2
            channel: sms
            template: intro
            timing: +4h
          - id: email-2
            channel: email
            template: vehicle-details
            timing: +30m
        """));
    assertOnlyProblem("hot.yml: step 'email-2': timing: steps out of order: '+30m' can come before step 'sms-2' (+4h)");
  }

  @Test
  void aDayStepThatCanFallBeforeAnEarlierOffsetIsOutOfOrder() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-2
            channel: email
            template: vehicle-details
            timing: +4h
          - id: email-3
            channel: email
            template: options
            timing: day 0 at 18:00
        """));
    assertOnlyProblem("hot.yml: step 'email-3': timing: steps out of order: 'day 0 at 18:00' can come before "
        + "step 'email-2' (+4h)");
  }

  @Test
  void aTextWithoutConsentHandling(@TempDir Path templates) throws IOException {
    copyTree(Path.of("..", "config", "templates"), templates);
    Files.writeString(templates.resolve("sms/price-drop.mustache"), "Hi {{firstName}}, the price just dropped!");
    write("hot.yml", plan(ACK + """
          - id: sms-1
            channel: sms
            template: price-drop
            timing: +15m
          - id: sms-2
            channel: sms
            template: intro
            timing: +1h
        """));
    InvalidCadencePlansException e = assertThrows(InvalidCadencePlansException.class,
        () -> new CadencePlanLoader(new MessageTemplates(templates)).load(dir));
    assertEquals(List.of("hot.yml: step 'sms-1': template: the first text of a plan must carry the consent notice: "
        + "sms template 'price-drop' must name the dealership and say \"Reply STOP to opt out\" (as 'intro' does)"),
        e.problems().stream().map(PlanProblem::toString).toList());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void aPlanLongerThanItsRetirementDay() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-31
            channel: email
            template: final
            timing: day 31 at 10:00
        """));
    assertOnlyProblem("hot.yml: step 'email-31': timing: the plan is longer than its retirement day (30): "
        + "this step comes on day 31");
  }

  @Test
  void anOffsetPastTheRetirementDayOfItsOwnPlan() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-2
            channel: email
            template: final
            timing: +3d1h
        """).replace("version: 3", "version: 3\nretirementDay: 3"));
    assertOnlyProblem("hot.yml: step 'email-2': timing: the plan is longer than its retirement day (3): "
        + "this step comes on day 4");
  }

  @Test
  void unknownChannel() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: fax-1
            channel: fax
            template: ack
            timing: +1h
        """));
    assertOnlyProblem("hot.yml: step 'fax-1': channel: unknown value 'fax': one of email, sms, call, voicemail");
  }

  @Test
  void duplicateStepId() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: ack
            channel: email
            template: vehicle-details
            timing: +30m
        """));
    assertOnlyProblem("hot.yml: step 'ack': id: duplicate step id");
  }

  @Test
  void missingGradeCoverage() throws IOException {
    write("hot.yml", plan(ACK).replace("grades: [A]", "grades: [A]\nsources: [website]"));
    assertOnlyProblem(dir + ": grades: no plan serves grade A for every source");
  }

  @Test
  void aGradeServedTwice() throws IOException {
    write("hot.yml", plan(ACK).replace("grades: [A]", "grades: [A, B]"));
    assertOnlyProblem("none.yml: grades: grade B is already served by hot.yml");
  }

  @Test
  void unreadableTimingAndDuration() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: call-1
            channel: call
            template: call
            timing: tomorrow
            callSla: soon
        """));
    List<String> problems = problems();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("hot.yml: step 'call-1': timing: 'tomorrow' is not a timing"), problems.get(0));
    assertTrue(problems.get(1).startsWith("hot.yml: step 'call-1': callSla: 'soon' is not a duration"), problems.get(1));
  }

  @Test
  void callSettingsBelongToCalls() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: call-1
            channel: call
            template: call
            timing: +0m
          - id: email-2
            channel: email
            template: options
            timing: +30m
            escalateAfter: 1h
        """));
    List<String> problems = problems();
    assertEquals(List.of("hot.yml: step 'call-1': callSla: required for a call: how long the agent has for the task "
        + "(e.g. 15m)", "hot.yml: step 'email-2': escalateAfter: only a call step has one (this step is email)"),
        problems);
  }

  @Test
  void unknownConditionFieldOrRepeatedKey() throws IOException {
    write("hot.yml", plan(ACK.replace("timing: at receipt", "timing: at receipt\n    conditions: [if-sunny]")));
    write("warm.yml", plan(ACK).replace("name: hot", "name: warm").replace("version: 3", "version: 3\nfoo: 1"));
    write("cold.yml", plan(ACK).replace("name: hot", "name: cold\nname: cold"));
    List<String> problems = problems();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("cold.yml: Duplicate field 'name'"), problems.get(0));
    assertTrue(problems.get(1).startsWith("hot.yml: step 'ack': conditions: unknown value 'if-sunny': one of "
        + "last-call-no-answer, no-reply, email-not-opened"), problems.get(1));
    assertTrue(problems.get(2).startsWith("warm.yml: foo: Unrecognized field \"foo\""), problems.get(2));
  }

  @Test
  void aMissingDirectoryIsOneProblem() {
    InvalidCadencePlansException e = assertThrows(InvalidCadencePlansException.class,
        () -> new CadencePlanLoader(TEMPLATES).load(dir.resolve("nowhere")));
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().contains("nowhere: no such directory (cadencesDir"), e.getMessage());
  }

  @Test
  void aStepWithWeightedVariantsKeepsTheFirstAsItsTemplate() throws IOException {
    write("hot.yml", plan(ACK + variantsStep("""
          - {template: vehicle-details, weight: 3}
          - {template: options, weight: 1}
        """)));
    List<CadenceStep> steps = load().forLead(Grade.A, "website").steps();

    assertEquals(List.of(new TemplateVariant("vehicle-details", 3), new TemplateVariant("options", 1)),
        steps.get(1).variants());
    assertEquals("vehicle-details", steps.get(1).templateId());
    assertNull(steps.get(0).variants(), "a one-template step has none");
  }

  @Test
  void unknownTemplateInAVariant() throws IOException {
    write("hot.yml", plan(ACK + variantsStep("""
          - {template: vehicle-details, weight: 1}
          - {template: optoins, weight: 1}
        """)));
    assertOnlyProblem("hot.yml: step 'email-2': variants[2].template: unknown email template 'optoins'");
  }

  @Test
  void fewerThanTwoVariants() throws IOException {
    write("hot.yml", plan(ACK + variantsStep("""
          - {template: vehicle-details, weight: 1}
        """)));
    assertOnlyProblem("hot.yml: step 'email-2': variants: an A/B step needs two or more variants (got 1)");
  }

  @Test
  void aVariantWeightOfZeroOrLess() throws IOException {
    write("hot.yml", plan(ACK + variantsStep("""
          - {template: vehicle-details, weight: 0}
          - {template: options, weight: -2}
        """)));
    assertEquals(List.of(
        "hot.yml: step 'email-2': variants[1].weight: required: a whole number above 0 (got 0)",
        "hot.yml: step 'email-2': variants[2].weight: required: a whole number above 0 (got -2)"), problems());
  }

  @Test
  void bothTemplateAndVariants() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-2
            channel: email
            template: vehicle-details
            timing: +30m
            variants:
              - {template: vehicle-details, weight: 1}
              - {template: options, weight: 1}
        """));
    assertOnlyProblem("hot.yml: step 'email-2': variants: a step has either a template or variants, not both");
  }

  @Test
  void everyVariantOfTheFirstTextCarriesTheConsentNotice(@TempDir Path templates) throws IOException {
    copyTree(Path.of("..", "config", "templates"), templates);
    Files.writeString(templates.resolve("sms/price-drop.mustache"), "Hi {{firstName}}, the price just dropped!");
    write("hot.yml", plan(ACK + """
          - id: sms-1
            channel: sms
            timing: +15m
            variants:
              - {template: intro, weight: 1}
              - {template: price-drop, weight: 1}
        """));
    InvalidCadencePlansException e = assertThrows(InvalidCadencePlansException.class,
        () -> new CadencePlanLoader(new MessageTemplates(templates)).load(dir));
    assertEquals(List.of("hot.yml: step 'sms-1': variants: the first text of a plan must carry the consent notice: "
        + "sms template 'price-drop' must name the dealership and say \"Reply STOP to opt out\" (as 'intro' does)"),
        e.problems().stream().map(PlanProblem::toString).toList());
  }

  @Test
  void aStepWithTimingVariantsKeepsTheFirstAsItsTiming() throws IOException {
    write("hot.yml", plan(ACK + timingVariantsStep("""
          - {timing: day 2 at 10:00, weight: 3}
          - {timing: day 2 evening, weight: 1}
        """) + """
          - id: email-3
            channel: email
            template: options
            timing: day 3 at 09:00
        """));
    List<CadenceStep> steps = load().forLead(Grade.A, "website").steps();

    assertEquals(List.of(new TimingVariant(StepTiming.onDay(2, LocalTime.of(10, 0)), 3),
        new TimingVariant(StepTiming.onDay(2, LocalTime.of(18, 0)), 1)), steps.get(1).timingVariants());
    assertEquals(StepTiming.onDay(2, LocalTime.of(10, 0)), steps.get(1).timing());
    assertNull(steps.get(2).timingVariants(), "a one-timing step has none");
  }

  @Test
  void fewerThanTwoTimingVariants() throws IOException {
    write("hot.yml", plan(ACK + timingVariantsStep("""
          - {timing: day 2 at 10:00, weight: 1}
        """)));
    assertOnlyProblem("hot.yml: step 'email-2': timingVariants: an A/B timing needs two or more timings (got 1)");
  }

  @Test
  void aTimingVariantWeightOfZeroOrLess() throws IOException {
    write("hot.yml", plan(ACK + timingVariantsStep("""
          - {timing: day 2 at 10:00, weight: 0}
          - {timing: day 2 at 17:30}
        """)));
    assertEquals(List.of(
        "hot.yml: step 'email-2': timingVariants[1].weight: required: a whole number above 0 (got 0)",
        "hot.yml: step 'email-2': timingVariants[2].weight: required: a whole number above 0 (got null)"),
        problems());
  }

  @Test
  void bothTimingAndTimingVariants() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: email-2
            channel: email
            template: options
            timing: day 2 at 10:00
            timingVariants:
              - {timing: day 2 at 10:00, weight: 1}
              - {timing: day 2 at 17:30, weight: 1}
        """));
    assertOnlyProblem("hot.yml: step 'email-2': timingVariants: a step has either a timing or timingVariants, not both");
  }

  /** Each timing must follow the step before, and the step after must follow every timing. */
  @Test
  void aTimingVariantThatBreaksTheStepOrder() throws IOException {
    write("hot.yml", plan(ACK + """
          - id: sms-1
            channel: sms
            template: intro
            timing: day 1 at 12:00
        """ + timingVariantsStep("""
          - {timing: day 1 at 09:00, weight: 1}
          - {timing: day 2 at 17:30, weight: 1}
        """) + """
          - id: email-3
            channel: email
            template: options
            timing: day 2 at 12:00
        """));
    assertEquals(List.of(
        "hot.yml: step 'email-2': timingVariants[1].timing: steps out of order: 'day 1 at 09:00' can come before "
            + "step 'sms-1' (day 1 at 12:00); steps run in file order, so order them by time",
        "hot.yml: step 'email-3': timing: steps out of order: 'day 2 at 12:00' can come before step 'email-2' "
            + "(day 2 at 17:30); steps run in file order, so order them by time"), problems());
  }

  @Test
  void aTimingVariantAtReceiptARotationOrTwiceTheSame() throws IOException {
    write("hot.yml", plan(ACK + timingVariantsStep("""
          - {timing: at receipt, weight: 1}
          - {timing: day 2 rotate, weight: 1}
          - {timing: day 2 at 10:00, weight: 1}
          - {timing: day 2 morning, weight: 1}
        """)));
    assertEquals(List.of(
        "hot.yml: step 'email-2': timingVariants[1].timing: 'at receipt' cannot be a timing variant (the "
            + "acknowledgment goes at once)",
        "hot.yml: step 'email-2': timingVariants[2].timing: 'rotate' cannot be a timing variant: name the slot "
            + "(morning, afternoon, evening) or the time",
        "hot.yml: step 'email-2': timingVariants[4].timing: the same time as another timing variant (day 2 at "
            + "10:00): each must differ"), problems());
  }

  @Test
  void staleAfterOfThePlanPerChannelAndOfAStep() throws IOException {
    write("hot.yml", """
        name: hot
        version: 3
        grades: [A]
        staleAfter: {sms: 1h, CALL: 10m}
        steps:
        """ + ACK + """
          - id: call-1
            channel: call
            template: call
            timing: +0m
            callSla: 5m
          - id: sms-1
            channel: sms
            template: intro
            timing: +15m
          - id: sms-2
            channel: sms
            template: follow-up
            timing: +4h
            staleAfter: 30m
          - id: email-2
            channel: email
            template: options
            timing: +5h
        """);
    CadencePlans plans = load();
    List<CadenceStep> steps = plans.forLead(Grade.A, "website").steps();

    assertEquals(java.util.Arrays.asList(null, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(30),
        null), steps.stream().map(CadenceStep::staleAfter).toList(), "the ack never, email: the default");
    assertEquals(java.util.Map.of("sms", "1h", "call", "10m"), plans.named("hot").orElseThrow().written().staleAfter());
  }

  @Test
  void staleAfterOfZeroOnAnUnknownChannelOrOnTheAcknowledgment() throws IOException {
    write("hot.yml", """
        name: hot
        version: 3
        grades: [A]
        staleAfter: {sms: 0, fax: 1h}
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
            staleAfter: 1h
          - id: sms-1
            channel: sms
            template: intro
            timing: +15m
            staleAfter: soon
        """);
    assertEquals(List.of(
        "hot.yml: staleAfter.sms: must be more than 0",
        "hot.yml: staleAfter: unknown value 'fax': one of email, sms, call, voicemail",
        "hot.yml: step 'ack': staleAfter: a step 'at receipt' (the acknowledgment) is never skipped as stale",
        "hot.yml: step 'sms-1': staleAfter: 'soon' is not a duration (e.g. 0, 15m, 4h5m, 2d)"), problems());
  }

  /** An email step (template options) with these timing variant lines. */
  private static String timingVariantsStep(String variantLines) {
    return """
          - id: email-2
            channel: email
            template: options
            timingVariants:
        """ + variantLines.indent(4);
  }

  /** An email step at +30m with these variant lines. */
  private static String variantsStep(String variantLines) {
    return """
          - id: email-2
            channel: email
            timing: +30m
            variants:
        """ + variantLines.indent(4);
  }

  private static final String ACK = """
        - id: ack
          channel: email
          template: ack
          timing: at receipt
      """;

  private static String plan(String steps) {
    return """
        name: hot
        version: 3
        grades: [A]
        managerAlertAfter: 15m
        steps:
        """ + steps;
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  private CadencePlans load() {
    return new CadencePlanLoader(TEMPLATES).load(dir);
  }

  private List<String> problems() {
    InvalidCadencePlansException e = assertThrows(InvalidCadencePlansException.class, this::load);
    assertEquals(e.problems().size() + 1L, e.getMessage().lines().count(), "one line per problem: " + e.getMessage());
    return e.problems().stream().map(PlanProblem::toString).toList();
  }

  private void assertOnlyProblem(String start) {
    List<String> problems = problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(start), "expected '" + start + "...', got: " + problems.get(0));
  }
}
