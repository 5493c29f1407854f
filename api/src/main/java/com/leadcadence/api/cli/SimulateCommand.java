package com.leadcadence.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.leadcadence.worker.simulation.LeadBehaviour;
import com.leadcadence.worker.simulation.MonthSimulator;
import com.leadcadence.worker.simulation.SimulatedDealership;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.api.startup.PlansAndTemplates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlanValidator;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.worker.plans.PlanProblem;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        .help("a plan's name in --cadences, or a plan file's path; give two or more to compare them");
    subparser.addArgument("--leads").type(Integer.class).setDefault(1000).help("simulated leads (default 1000)");
    subparser.addArgument("--days").type(Integer.class).setDefault(30).help("days each lead is followed (default 30)");
    subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("the same seed gives the same numbers");
    subparser.addArgument("--arrival-days").dest("arrivalDays").type(Integer.class).setDefault(7)
        .help("leads arrive at any hour over this many days (default 7)");
    subparser.addArgument("--start").setDefault("2026-03-05T00:00:00Z")
        .help("the first possible arrival, ISO instant (default spans the US spring DST change)");
    subparser.addArgument("--behaviour").setDefault("config/simulation/lead-behaviour.yml")
        .help("how simulated leads answer, per channel and hour (default config/simulation/lead-behaviour.yml)");
    subparser.addArgument("--cadences").setDefault(CadencePlanLoader.DEFAULT_DIRECTORY)
        .help("the plans a --plan name is looked up in (default config/cadences)");
    subparser.addArgument("--templates").setDefault("config/templates")
        .help("the message templates the plans name (default config/templates)");
    subparser.addArgument("--out").setDefault("target/simulation")
        .help("directory for simulation.csv and contact-by-day.png (default target/simulation)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    quietLogs();
    PlansAndTemplates known = PlansAndTemplates.load(namespace.getString("templates"), namespace.getString("cadences"));
    CadencePlanLoader loader = new CadencePlanLoader(known.templates());
    List<CadencePlan> plans = new ArrayList<>();
    for (String plan : namespace.<String>getList("plan")) {
      plans.add(plan(plan, known.plans(), loader));
    }
    int leads = positive(namespace.getInt("leads"), "--leads");
    int days = positive(namespace.getInt("days"), "--days");
    MonthSimulator.Settings settings = new MonthSimulator.Settings(leads, days, namespace.getLong("seed"),
        Instant.parse(namespace.getString("start")), Duration.ofDays(positive(namespace.getInt("arrivalDays"),
            "--arrival-days")), Path.of(namespace.getString("out")));
    LeadBehaviour behaviour = LeadBehaviour.read(Path.of(namespace.getString("behaviour")));
    new MonthSimulator(behaviour, SimulatedDealership.demoSchedule()).run(plans, settings, out);
  }

  /** A plan file when the argument names one (it is validated as the plans directory's files are), else a name. */
  private static CadencePlan plan(String argument, CadencePlans known, CadencePlanLoader loader) throws IOException {
    Path file = Path.of(argument);
    if (argument.endsWith(".yml") || argument.endsWith(".yaml") || Files.isRegularFile(file)) {
      List<PlanProblem> problems = new ArrayList<>();
      Optional<CadencePlanValidator.ValidPlan> plan = loader.readOne(argument, Files.readString(file), problems);
      if (plan.isEmpty()) {
        throw new IllegalArgumentException("--plan " + argument + " is not a valid plan:\n  "
            + problems.stream().map(PlanProblem::toString).collect(Collectors.joining("\n  ")));
      }
      return plan.get().plan();
    }
    return known.named(argument).map(CadencePlanValidator.ValidPlan::plan)
        .orElseThrow(() -> new IllegalArgumentException("--plan " + argument + ": no plan of that name (known: "
            + known.all().stream().map(p -> p.plan().name()).collect(Collectors.joining(", ")) + ")"));
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
