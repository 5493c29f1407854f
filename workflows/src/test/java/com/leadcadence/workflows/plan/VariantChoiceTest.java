package com.leadcadence.workflows.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.TemplateVariant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VariantChoiceTest {
  private static final TemplateVariant INTRO = new TemplateVariant("intro", 1);
  private static final TemplateVariant SHORT = new TemplateVariant("intro-short", 1);

  @Test
  void theSameLeadAndStepAlwaysGetTheSameVariant() {
    for (long lead = 1; lead <= 200; lead++) {
      TemplateVariant first = VariantChoice.of(lead, "sms-1", List.of(INTRO, SHORT));
      for (int again = 0; again < 5; again++) {
        assertEquals(first, VariantChoice.of(lead, "sms-1", List.of(INTRO, SHORT)));
      }
    }
  }

  /**
   * Pinned: the choice must not change between JVMs or releases (a running lead's retry or a replayed history
   * would otherwise send another template than its first attempt). SHA-256 is fixed, so these are too.
   */
  @Test
  void theChoiceIsFixedAcrossRuns() {
    List<String> got = LongStream.rangeClosed(1, 12)
        .mapToObj(lead -> VariantChoice.of(lead, "sms-1", List.of(INTRO, SHORT)).template()).toList();
    assertEquals(PINNED, got);
  }

  /**
   * 10,000 leads, weights 3:1: expected 7,500 / 2,500. With p = 0.75 the standard deviation is
   * sqrt(10,000 * 0.75 * 0.25) ≈ 43, so ±200 is more than 4.5 deviations: a correct hash fails it with
   * negligible odds, a wrong weighting (e.g. 1:1 or 2:1, off by 2,500 or 833) cannot pass.
   */
  @Test
  void weightsAreRespectedOverTenThousandLeads() {
    TemplateVariant heavy = new TemplateVariant("intro", 3);
    Map<String, Long> counts = LongStream.rangeClosed(1, 10_000)
        .mapToObj(lead -> VariantChoice.of(lead, "sms-1", List.of(heavy, SHORT)).template())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertTrue(Math.abs(counts.get("intro") - 7_500) <= 200, counts.toString());
    assertEquals(10_000L, counts.get("intro") + counts.get("intro-short"));
  }

  @Test
  void anotherStepCanGiveTheSameLeadAnotherVariant() {
    long differing = LongStream.rangeClosed(1, 1_000)
        .filter(lead -> !VariantChoice.of(lead, "sms-1", List.of(INTRO, SHORT))
            .equals(VariantChoice.of(lead, "sms-2", List.of(INTRO, SHORT))))
        .count();
    // Independent 1:1 choices differ for about half the leads (sd ≈ 16).
    assertTrue(differing > 400 && differing < 600, differing + " of 1,000 leads differ");
  }

  /** Computed outside Java: the first 8 bytes of sha256("<lead>:sms-1"), big-endian, unsigned, mod 2. */
  private static final List<String> PINNED = List.of("intro", "intro-short", "intro", "intro-short", "intro",
      "intro", "intro-short", "intro", "intro", "intro", "intro", "intro");
}
