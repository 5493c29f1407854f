package com.leadcadence.api.intake;

import com.leadcadence.api.DaemonThreads;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.api.cadences.DealershipCadences;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.PauseRequest;
import io.dropwizard.lifecycle.Managed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps "no row without its workflow" true across failures: at start-up, leads still open in MySQL
 * get their workflow started if Temporal has none under its id; while the service runs, every
 * {@link #DEFAULT_INTERVAL} (and at once when Temporal answers again after an outage) the leads left
 * STARTING (Temporal unreachable at intake, a lost reply, a failed row update) get theirs, so none
 * waits more than about a minute. With a real Temporal server only rows
 * left STARTING by a failed intake are checked; with the in-memory embedded server, which forgets
 * everything on restart, every STARTING, ACTIVE or PAUSED lead is. A start
 * is a no-op where the workflow runs or has closed (the id is never reused), and steps a lost
 * workflow had already performed are not sent again: their touches exist under the same keys.
 */
public final class LeadReconciler implements Managed {

  /** Which leads to check: every open one (an in-memory Temporal server), or only unconfirmed starts. */
  public enum Scope {
    OPEN_LEADS,
    STARTING_LEADS
  }

  private static final Logger LOG = LoggerFactory.getLogger(LeadReconciler.class);
  private static final int PAGE = 200;
  /** How often leads left STARTING are looked for while the service runs. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);
  /** A lead younger than this is left to its own intake request, which may still be starting it. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final LeadDao leads;
  private final DealershipDao dealerships;
  private final OptOutRegistry optOuts;
  private final LeadWorkflows workflows;
  private final DealershipCadences cadences;
  private final Scope scope;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService executor = DaemonThreads.scheduled("lead-reconciler");
  /** Whether the start-up pass (of its scope) has run; until then each run is that pass. */
  private volatile boolean initialPassDone;

  public LeadReconciler(Jdbi jdbi, OptOutRegistry optOuts, LeadWorkflows workflows, DealershipCadences cadences,
      Scope scope) {
    this(jdbi, optOuts, workflows, cadences, scope, DEFAULT_INTERVAL, Clock.systemUTC());
  }

  public LeadReconciler(Jdbi jdbi, OptOutRegistry optOuts, LeadWorkflows workflows, DealershipCadences cadences,
      Scope scope, Duration interval, Clock clock) {
    this.scope = scope;
    this.interval = interval;
    this.clock = clock;
    this.leads = SharedDaos.onDemand(jdbi, LeadDao.class);
    this.dealerships = SharedDaos.onDemand(jdbi, DealershipDao.class);
    this.optOuts = optOuts;
    this.workflows = workflows;
    this.cadences = cadences;
  }

  @Override
  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a pass now (on the reconciler's thread), e.g. when Temporal answers again after an outage. */
  public void trigger() {
    try {
      executor.execute(this::runOnce);
    } catch (RejectedExecutionException e) {
      // stopping
    }
  }

  /** One pass; never throws (a failure would end the schedule). */
  private void runOnce() {
    if (!workflows.available()) {
      return; // nothing can start now; the pass after Temporal's return does it
    }
    try {
      if (!initialPassDone) {
        reconcileAll();
        initialPassDone = true;
      } else {
        reconcileStarting();
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not reconcile leads with their workflows (retrying in {} s): {}",
          interval.toSeconds(), e.getMessage());
    }
  }

  /** The leads left STARTING for longer than the grace period: their workflows are started. */
  int reconcileStarting() {
    Pass pass = new Pass();
    Instant settled = clock.instant().minus(GRACE);
    int checked = 0;
    int failed = 0;
    long afterId = 0;
    List<LeadRow> page;
    do {
      page = leads.listStarting(afterId, PAGE);
      for (LeadRow lead : page) {
        afterId = lead.id();
        if (lead.createdAt() != null && lead.createdAt().isAfter(settled)
            && lead.createdAt().isBefore(settled.plus(GRACE.multipliedBy(2)))) {
          continue;
        }
        checked++;
        if (!reconcile(lead, pass)) {
          failed++;
        }
      }
    } while (page.size() == PAGE && !Thread.currentThread().isInterrupted() && workflows.available());
    if (checked > 0) {
      LOG.info("Started the workflows of {} lead(s) left STARTING ({} could not be started)", checked, failed);
    }
    return checked;
  }

  @Override
  public void stop() {
    executor.shutdownNow();
  }

  /** Starts what is missing; returns how many open leads were checked. */
  public int reconcileAll() {
    Pass pass = new Pass();
    int checked = 0;
    int failed = 0;
    long afterId = 0;
    List<LeadRow> page;
    do {
      page = scope == Scope.OPEN_LEADS ? leads.listOpen(afterId, PAGE) : leads.listStarting(afterId, PAGE);
      for (LeadRow lead : page) {
        afterId = lead.id();
        checked++;
        if (!reconcile(lead, pass)) {
          failed++;
        }
      }
    } while (page.size() == PAGE && !Thread.currentThread().isInterrupted());
    LOG.info("Reconciled {} lead(s) ({}) with their workflows ({} could not be started)",
        checked, scope, failed);
    return checked;
  }

  /**
   * What one pass reads once per dealership rather than per lead: its row and its plans (the stored plans
   * are parsed and checked on every read). A pass is short, so a plan edited meanwhile waits for the next.
   */
  private static final class Pass {
    final Map<Long, DealershipRow> dealerships = new HashMap<>();
    final Map<Long, CadencePlans> plans = new HashMap<>();
  }

  private boolean reconcile(LeadRow lead, Pass pass) {
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      DealershipRow dealership = pass.dealerships.computeIfAbsent(lead.dealershipId(),
          id -> dealerships.findById(id).orElseThrow());
      LeadCadenceInput input = CadenceInputs.forLead(lead, dealership, optOuts,
          pass.plans.computeIfAbsent(dealership.id(), cadences::plansFor));
      boolean started = workflows.startIfMissing(lead.workflowId(), input, dealership.name());
      leads.markStartedIfStarting(lead.id());
      if (started) {
        leads.recordPlan(lead.id(), input.plan().name(), input.plan().version());
        LOG.info("Lead {} ({}) had no workflow: started it again", lead.id(), lead.status());
        if (lead.status() == LeadStatus.PAUSED) {
          workflows.pause(lead.workflowId(), new PauseRequest("paused before the restart"));
        }
      }
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Lead {}: could not reconcile its workflow: {}", lead.id(), e.getMessage());
      return false;
    }
  }
}
