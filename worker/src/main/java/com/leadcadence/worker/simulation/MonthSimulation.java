package com.leadcadence.worker.simulation;

import com.leadcadence.worker.CadenceWorkers;
import com.leadcadence.worker.SendRates;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadSearchAttributes;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.Vehicle;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One plan's month: the real {@code LeadCadenceWorkflowImpl} on Temporal's time-skipping test servers, with
 * in-memory activities. Each lead's workflow starts at its arrival instant (a start delay) and is followed
 * for days; leads run in cohorts, each on its own server.
 */
public final class MonthSimulation {
  /** No pacing: the send queues' per-second limits are real-time limits, meaningless when time skips. */
  private static final SendRates UNPACED = new SendRates(1_000_000, 1_000_000, 1_000_000);
  private static final long DEALERSHIP_ID = 1;
  private static final long AGENT_ID = 1;
  /**
   * Leads per test server. The test server keeps its time-skipping locks in a list that every state change
   * searches (the JFR profile of one server for 300 leads: half its CPU in {@code LinkedList.remove}), so
   * many small servers beat one big one: 300 leads took 54 s on one server, 35 s in cohorts of 20 (same
   * loaded machine). Leads never interact, so the figures do not depend on the split.
   */
  static final int COHORT = 20;
  private static final int PARALLEL_COHORTS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final LeadBehaviour behaviour;
  private final DealershipSchedule schedule;
  private final long seed;
  private final int days;

  public MonthSimulation(LeadBehaviour behaviour, DealershipSchedule schedule, long seed, int days) {
    this.behaviour = behaviour;
    this.schedule = schedule;
    this.seed = seed;
    this.days = days;
  }

  public PlanOutcome run(CadencePlan plan, List<SimulatedLead> leads) {
    SimulationLedger ledger = new SimulationLedger();
    ExecutorService cohorts = Executors.newFixedThreadPool(PARALLEL_COHORTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int from = 0; from < leads.size(); from += COHORT) {
        List<SimulatedLead> cohort = leads.subList(from, Math.min(leads.size(), from + COHORT));
        running.add(cohorts.submit(() -> runCohort(plan, cohort, ledger)));
      }
      for (Future<?> cohort : running) {
        cohort.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
    } finally {
      cohorts.shutdownNow();
    }
    return PlanOutcome.of(plan.name(), leads, ledger, days);
  }

  /** One cohort on its own test server, from its first arrival to days after its last. */
  private void runCohort(CadencePlan plan, List<SimulatedLead> leads, SimulationLedger ledger) {
    Instant start = leads.get(0).receivedAt();
    TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
        .setInitialTime(start)
        .setWorkerFactoryOptions(CadenceWorkers.factoryOptions()
            // Every lead's workflow stays cached: an evicted one would replay its history at each wake.
            .setWorkflowCacheSize(leads.size() + 100)
            .setMaxWorkflowThreadCount(2 * leads.size() + 400)
            .build())
        .build();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
      LeadSearchAttributes.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
      // A client without the test environment's time locking: the activities' signals and Updates must not
      // let time skip while they wait.
      WorkflowClient callbacks = WorkflowClient.newInstance(env.getWorkflowServiceStubs(),
          WorkflowClientOptions.newBuilder().setNamespace(env.getNamespace()).build());
      Map<Long, SimulatedLead> byId = leads.stream().collect(Collectors.toMap(SimulatedLead::id, Function.identity()));
      SimulatedTouches touches = new SimulatedTouches(byId, behaviour, new Decisions(seed), ledger, callbacks);
      CadenceWorkers.register(env.getWorkerFactory(), touches, SimulatedBookkeeping.records(ledger),
          SimulatedBookkeeping.taskSla(), UNPACED);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      for (SimulatedLead lead : leads) {
        // Started now, its first workflow task at its arrival: one pass instead of a sleep per arrival.
        LeadCadenceWorkflow workflow = client.newWorkflowStub(LeadCadenceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.forLead(lead.id()))
                .setTaskQueue(TaskQueues.LEAD_CADENCE)
                .setStartDelay(Duration.between(start, lead.receivedAt()))
                .build());
        WorkflowClient.start(workflow::run, input(lead, plan));
      }
      Instant end = leads.get(leads.size() - 1).receivedAt().plus(Duration.ofDays(days)).plusSeconds(1);
      env.sleep(Duration.ofMillis(Math.max(0, end.toEpochMilli() - env.currentTimeMillis())));
    }
  }

  private LeadCadenceInput input(SimulatedLead lead, CadencePlan plan) {
    String email = lead.hasEmail() ? "lead" + lead.id() + "@simulated.example" : null;
    String phone = lead.hasPhone() ? String.format("+1312%07d", lead.id()) : null;
    return new LeadCadenceInput(lead.id(), DEALERSHIP_ID, lead.source(),
        new LeadContact("Lead", "No" + lead.id(), email, phone, lead.zone().getId()),
        new Vehicle(2025, "Simulated", "Sedan", null, null, null), lead.score(), AGENT_ID,
        blockedChannels(lead), schedule, plan, lead.receivedAt());
  }

  /** As intake blocks them: no address, no channel; no consent, no text and no voicemail drop. */
  static Set<Channel> blockedChannels(SimulatedLead lead) {
    Set<Channel> blocked = EnumSet.noneOf(Channel.class);
    if (!lead.hasEmail()) {
      blocked.add(Channel.EMAIL);
    }
    if (!lead.hasPhone()) {
      blocked.addAll(EnumSet.of(Channel.SMS, Channel.CALL, Channel.VOICEMAIL));
    } else if (!lead.smsConsent()) {
      blocked.addAll(EnumSet.of(Channel.SMS, Channel.VOICEMAIL));
    }
    return blocked;
  }
}
