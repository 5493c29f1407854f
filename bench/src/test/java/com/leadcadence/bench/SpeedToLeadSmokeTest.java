package com.leadcadence.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps bench/speed-to-lead from rotting: the whole benchmark at a tiny size (a small baseline, 10 leads
 * at 2/s) against the fat jar the api module built earlier in this reactor. Asserts that it ran and that
 * every lead was acknowledged, never any figure.
 */
class SpeedToLeadSmokeTest {

  @Test
  void runsAtTinySize() throws Exception {
    SpeedToLead.Options o = SpeedToLead.parse(new String[] {
        "--rates", "2", "--duration", "5", "--warm-up", "0", "--drain", "20",
        "--baseline-workflows", "20", "--baseline-warm-up", "0"});
    o.workDir = Path.of("..");
    o.log = Path.of("bench/target/speed-to-lead/smoke-product.log");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SpeedToLead.Report report;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      report = SpeedToLead.run(o, out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertTrue(report.baselineRate() > 0, text);
    List<SpeedToLead.Step> steps = report.steps();
    assertEquals(1, steps.size(), text);
    SpeedToLead.Step step = steps.get(0);
    assertEquals(10, step.leads(), text);
    assertEquals(0, step.errors(), text);
    assertEquals(10, step.acked(), text);
    assertTrue(report.peakRssKib() > 0, text);
    assertTrue(text.contains("POST -> acknowledgment email at stand-in"), text);
    assertTrue(text.contains("budget: a ratio of 0.7 leaves at most"), text);
  }
}
