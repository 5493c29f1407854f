package com.leadcadence.api.intake;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.PauseRequest;
import io.dropwizard.lifecycle.Managed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps "no row without its workflow" true across failures: at start-up, leads still open in MySQL
 * get their workflow started if Temporal has none under its id. With a real Temporal server only rows
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

  private final LeadDao leads;
  private final DealershipDao dealerships;
  private final OptOutRegistry optOuts;
  private final LeadWorkflows workflows;
  private final Scope scope;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "lead-reconciler");
    t.setDaemon(true);
    return t;
  });

  public LeadReconciler(Jdbi jdbi, OptOutRegistry optOuts, LeadWorkflows workflows, Scope scope) {
    this.scope = scope;
    this.leads = jdbi.onDemand(LeadDao.class);
    this.dealerships = jdbi.onDemand(DealershipDao.class);
    this.optOuts = optOuts;
    this.workflows = workflows;
  }

  @Override
  public void start() {
    executor.execute(this::reconcileAll);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
  }

  /** Starts what is missing; returns how many open leads were checked. */
  public int reconcileAll() {
    Map<Long, DealershipRow> dealershipsById = new HashMap<>();
    int checked = 0;
    int failed = 0;
    long afterId = 0;
    List<LeadRow> page;
    do {
      page = scope == Scope.OPEN_LEADS ? leads.listOpen(afterId, PAGE) : leads.listStarting(afterId, PAGE);
      for (LeadRow lead : page) {
        afterId = lead.id();
        checked++;
        if (!reconcile(lead, dealershipsById)) {
          failed++;
        }
      }
    } while (page.size() == PAGE && !Thread.currentThread().isInterrupted());
    LOG.info("Reconciled {} lead(s) ({}) with their workflows ({} could not be started)",
        checked, scope, failed);
    return checked;
  }

  private boolean reconcile(LeadRow lead, Map<Long, DealershipRow> dealershipsById) {
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      DealershipRow dealership = dealershipsById.computeIfAbsent(lead.dealershipId(),
          id -> dealerships.findById(id).orElseThrow());
      boolean started = workflows.startIfMissing(lead.workflowId(), CadenceInputs.forLead(lead, dealership, optOuts));
      leads.markStartedIfStarting(lead.id());
      if (started) {
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
