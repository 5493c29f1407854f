package com.leadcadence.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.leadcadence.worker.simulation.LeadBehaviour;
import com.leadcadence.worker.simulation.MonthSimulator;
import com.leadcadence.worker.simulation.SimulatedDealership;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.plan.DefaultCadencePlans;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.slf4j.LoggerFactory;

/**
 * {@code simulate --plan standard --plan nurture --leads 1000 --days 30 [--seed S]}: runs each plan's month
 * over the same simulated leads on Temporal's time-skipping test server (the real workflow code, in-memory
 * activities) and prints contact, appointments, time to contact, touches, opt-outs and refusals per plan;
 * writes them as CSV and a PNG chart. Needs no database and no Temporal server.
 */
public class SimulateCommand extends Command {
  private final PrintStream out;

  public SimulateCommand(PrintStream out) {
    super("simulate", "Simulate plans over a month of leads and compare them");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--plan").action(Arguments.append()).required(true)
        .help("a plan's name (" + names() + "); give two or more to compare them");
    subparser.addArgument("--leads").type(Integer.class).setDefault(1000).help("simulated leads (default 1000)");
    subparser.addArgument("--days").type(Integer.class).setDefault(30).help("days each lead is followed (default 30)");
    subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("the same seed gives the same numbers");
    subparser.addArgument("--arrival-days").dest("arrivalDays").type(Integer.class).setDefault(7)
        .help("leads arrive at any hour over this many days (default 7)");
    subparser.addArgument("--start").setDefault("2026-03-05T00:00:00Z")
        .help("the first possible arrival, ISO instant (default spans the US spring DST change)");
    subparser.addArgument("--behaviour").setDefault("config/simulation/lead-behaviour.yml")
        .help("how simulated leads answer, per channel and hour (default config/simulation/lead-behaviour.yml)");
    subparser.addArgument("--out").setDefault("target/simulation")
        .help("directory for simulation.csv and contact-by-day.png (default target/simulation)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    quietLogs();
    List<CadencePlan> plans = new ArrayList<>();
    for (String plan : namespace.<String>getList("plan")) {
      plans.add(plan(plan));
    }
    int leads = positive(namespace.getInt("leads"), "--leads");
    int days = positive(namespace.getInt("days"), "--days");
    MonthSimulator.Settings settings = new MonthSimulator.Settings(leads, days, namespace.getLong("seed"),
        Instant.parse(namespace.getString("start")), Duration.ofDays(positive(namespace.getInt("arrivalDays"),
            "--arrival-days")), Path.of(namespace.getString("out")));
    LeadBehaviour behaviour = LeadBehaviour.read(Path.of(namespace.getString("behaviour")));
    new MonthSimulator(behaviour, SimulatedDealership.demoSchedule()).run(plans, settings, out);
  }

  private static CadencePlan plan(String name) {
    return Arrays.stream(Grade.values())
        .map(DefaultCadencePlans::forGrade)
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--plan " + name + ": no such plan (" + names() + ")"));
  }

  private static String names() {
    return Arrays.stream(Grade.values()).map(g -> DefaultCadencePlans.forGrade(g).name())
        .collect(Collectors.joining(", "));
  }

  private static int positive(int value, String option) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive: " + value);
    }
    return value;
  }

  /** Each simulated step would log a line; the figures are the output. */
  private static void quietLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
    }
  }
}
