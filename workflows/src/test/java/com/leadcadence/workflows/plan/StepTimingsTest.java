package com.leadcadence.workflows.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.model.TimingVariant;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A lead's timing at a step with A/B timings: deterministic, weighted, independent of its template variant. */
class StepTimingsTest {
  private static final StepTiming MORNING = StepTiming.onDay(2, LocalTime.of(10, 0));
  private static final StepTiming EVENING = StepTiming.onDay(2, LocalTime.of(17, 30));
  private static final List<TimingVariant> ONE_TO_ONE =
      List.of(new TimingVariant(MORNING, 1), new TimingVariant(EVENING, 1));

  private static CadenceStep step(List<TimingVariant> timingVariants, List<TemplateVariant> variants) {
    return new CadenceStep("sms-3", Channel.SMS, "intro", MORNING, null, null, null, List.of(), variants,
        timingVariants, null);
  }

  @Test
  void aStepWithoutTimingVariantsKeepsItsTiming() {
    CadenceStep plain = CadenceStep.of("sms-3", Channel.SMS, "intro", EVENING);
    assertSame(EVENING, StepTimings.timingFor(plain, 42));
    assertNull(StepTimings.chosen(42, "sms-3", null));
  }

  @Test
  void theSameLeadAndStepAlwaysGetTheSameTiming() {
    CadenceStep step = step(ONE_TO_ONE, null);
    for (long lead = 1; lead <= 200; lead++) {
      StepTiming first = StepTimings.timingFor(step, lead);
      for (int again = 0; again < 5; again++) {
        assertEquals(first, StepTimings.timingFor(step, lead));
      }
      assertEquals(first, StepTimings.chosen(lead, "sms-3", ONE_TO_ONE).timing(), "the activity's view agrees");
    }
  }

  /**
   * Pinned, as the template choice is: a running lead's replayed history must plan the same time. Computed
   * outside Java: the first 8 bytes of sha256("<lead>:sms-3:timing"), big-endian, unsigned, mod 2.
   */
  @Test
  void theChoiceIsFixedAcrossRuns() {
    List<String> got = LongStream.rangeClosed(1, 12)
        .mapToObj(lead -> StepTimings.timingFor(step(ONE_TO_ONE, null), lead) == MORNING ? "m" : "e").toList();
    assertEquals(PINNED, got);
  }

  /** 10,000 leads at 3:1: 7,500 expected, sd ≈ 43 (see VariantChoiceTest). */
  @Test
  void weightsAreRespectedOverTenThousandLeads() {
    List<TimingVariant> threeToOne = List.of(new TimingVariant(MORNING, 3), new TimingVariant(EVENING, 1));
    Map<StepTiming, Long> counts = LongStream.rangeClosed(1, 10_000)
        .mapToObj(lead -> StepTimings.timingFor(step(threeToOne, null), lead))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertTrue(Math.abs(counts.get(MORNING) - 7_500) <= 200, counts.toString());
  }

  /**
   * On a step with both kinds, 1:1 each, the four pairs come about equally often: the timing is hashed with its
   * own key, so it does not follow the template (one key would give only two of the four pairs).
   */
  @Test
  void theTimingIsIndependentOfTheTemplateVariant() {
    List<TemplateVariant> templates = List.of(new TemplateVariant("intro", 1), new TemplateVariant("intro-short", 1));
    CadenceStep step = step(ONE_TO_ONE, templates);
    Map<String, Long> pairs = LongStream.rangeClosed(1, 4_000)
        .mapToObj(lead -> VariantChoice.of(lead, step.id(), templates).template() + "/"
            + StepTimings.label(StepTimings.timingFor(step, lead)))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(4, pairs.size(), pairs.toString());
    // 1,000 expected each, sd ≈ 27.
    pairs.values().forEach(n -> assertTrue(Math.abs(n - 1_000) <= 150, pairs.toString()));
  }

  @Test
  void labelsNameTheTimingInThePlanFilesWords() {
    assertEquals("day 2 at 17:30", StepTimings.label(EVENING));
    assertEquals("+4h5m", StepTimings.label(StepTiming.afterStart(Duration.ofMinutes(245))));
    assertEquals("+2d", StepTimings.label(StepTiming.afterStart(Duration.ofDays(2))));
    assertEquals("+0m", StepTimings.label(StepTiming.afterStart(Duration.ZERO)));
    assertEquals("at receipt", StepTimings.label(StepTiming.atReceipt()));
  }

  @Test
  void aTouchLabelJoinsTheTemplateAndTheTimingAndSplitsBack() {
    assertNull(VariantLabel.of(null, null));
    assertEquals("intro-short", VariantLabel.of("intro-short", null));
    assertEquals("time:+4h", VariantLabel.of(null, "+4h"));
    String both = VariantLabel.of("intro-short", "+4h");
    assertEquals("intro-short+time:+4h", both);
    assertEquals("intro-short", VariantLabel.templatePart(both));
    assertEquals("time:+4h", VariantLabel.timingPart(both));
    assertNull(VariantLabel.templatePart("time:+4h"));
    assertEquals("time:+4h", VariantLabel.timingPart("time:+4h"));
    assertEquals("intro", VariantLabel.templatePart("intro"));
    assertNull(VariantLabel.timingPart("intro"));
  }

  private static final List<String> PINNED =
      List.of("m", "e", "e", "e", "m", "e", "e", "m", "e", "e", "m", "m");
}
