package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.DealershipSchedule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares plans on one simulated population: the same leads, arrivals and dice for each plan, so the
 * differences in the figures come from the plans. Prints the table, writes {@code simulation.csv} and
 * {@code contact-by-day.png} into the output directory.
 */
public final class MonthSimulator {
  /** Options of one run. start: when the first lead may arrive; arrivals spread over arrivalSpan. */
  public record Settings(int leads, int days, long seed, Instant start, Duration arrivalSpan, Path outputDirectory) {}

  private final LeadBehaviour behaviour;
  private final DealershipSchedule schedule;

  public MonthSimulator(LeadBehaviour behaviour, DealershipSchedule schedule) {
    this.behaviour = behaviour;
    this.schedule = schedule;
  }

  public List<PlanOutcome> run(List<CadencePlan> plans, Settings settings, PrintStream out) throws IOException {
    List<SimulatedLead> leads =
        SimulatedLeads.generate(settings.leads(), settings.start(), settings.arrivalSpan(), settings.seed());
    MonthSimulation simulation = new MonthSimulation(behaviour, schedule, settings.seed(), settings.days());
    List<PlanOutcome> outcomes = new ArrayList<>();
    for (CadencePlan plan : plans) {
      long began = System.nanoTime();
      outcomes.add(simulation.run(plan, leads));
      out.printf("plan %s: %d leads x %d days simulated in %.1f s%n", plan.name(), leads.size(), settings.days(),
          (System.nanoTime() - began) / 1e9);
    }
    out.println();
    SimulationReport.print(outcomes, out);
    Path csv = settings.outputDirectory().resolve("simulation.csv");
    Path png = settings.outputDirectory().resolve("contact-by-day.png");
    SimulationReport.writeCsv(outcomes, csv);
    ContactChart.writePng(outcomes, png);
    out.println("wrote " + csv + " and " + png);
    return outcomes;
  }
}
