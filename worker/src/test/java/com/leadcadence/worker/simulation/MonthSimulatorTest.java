package com.leadcadence.worker.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.model.CadencePlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The month simulator at a tiny size: the real workflow on the time-skipping server, twice with one seed. */
class MonthSimulatorTest {
  private static final LeadBehaviour BEHAVIOUR = LeadBehaviour.read(Path.of("..", "config", "simulation",
      "lead-behaviour.yml"));
  // Across the US spring DST change (March 8, 2026), arrivals at any hour.
  private static final Instant START = Instant.parse("2026-03-05T00:00:00Z");

  @Test
  void twentyLeadsTwoPlansTheSameSeedGivesTheSameMonth(@TempDir Path dir) throws Exception {
    MonthSimulator simulator = new MonthSimulator(BEHAVIOUR, SimulatedDealership.demoSchedule());
    CadencePlans files = new CadencePlanLoader(new MessageTemplates(Path.of("..", "config", "templates")))
        .load(Path.of("..", "config", "cadences"));
    List<CadencePlan> plans = List.of(files.named("standard").orElseThrow().plan(),
        files.named("nurture").orElseThrow().plan());

    List<PlanOutcome> first = simulator.run(plans, settings(dir.resolve("first"), 7), quiet());
    List<PlanOutcome> second = simulator.run(plans, settings(dir.resolve("second"), 7), quiet());

    assertEquals(2, first.size());
    for (PlanOutcome o : first) {
      assertEquals(20, o.leads());
      assertEquals(0, o.quietHourRefusals(), o.plan() + ": a send outside 08:00-21:00 lead-local");
      assertEquals(0, o.consentRefusals(), o.plan() + ": a text without consent or after a STOP");
      assertTrue(o.touchesByChannel().get(Channel.EMAIL) >= 20, o.plan() + ": every lead with an email is acknowledged");
      assertTrue(o.contacted() > 0 && o.contacted() < 20, o.plan() + " contacted " + o.contacted());
      assertEquals(o.contactRate(), o.contactByDay()[30], 1e-9, "the curve ends at the contact rate");
    }
    for (int i = 0; i < plans.size(); i++) {
      int steps = plans.get(i).steps().size();
      assertTrue(first.get(i).touches() <= 20 * steps, first.get(i).plan() + ": never more than one touch per step");
    }
    String csv = Files.readString(dir.resolve("first/simulation.csv"));
    assertEquals(csv, Files.readString(dir.resolve("second/simulation.csv")), "same seed, same figures");
    assertEquals(3, csv.lines().count(), csv);
    assertArrayEquals(first.get(0).contactByDay(), second.get(0).contactByDay());
    byte[] png = Files.readAllBytes(dir.resolve("first/contact-by-day.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

    List<PlanOutcome> otherSeed = simulator.run(plans.subList(0, 1), settings(dir.resolve("third"), 8), quiet());
    assertNotEquals(Files.readString(dir.resolve("third/simulation.csv")).lines().skip(1).findFirst(),
        csv.lines().skip(1).findFirst(), "another seed, another month");
    assertEquals(20, otherSeed.get(0).leads());
  }

  private static MonthSimulator.Settings settings(Path out, long seed) {
    return new MonthSimulator.Settings(20, 30, seed, START, Duration.ofDays(2), out);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
