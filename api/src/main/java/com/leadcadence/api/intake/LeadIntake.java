package com.leadcadence.api.intake;

import com.leadcadence.activities.agents.AgentAssigner;
import com.leadcadence.activities.agents.AgentRoster;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.api.cadences.DealershipCadences;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.HandleDaos;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.LeadEventDao;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewLead;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.scoring.LeadScore;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a lead in, exactly once per (dealership, source, external id). The row is inserted as
 * STARTING before the workflow starts and becomes ACTIVE only after Temporal confirmed the start, so
 * a lead is never shown as running without a workflow. If Temporal cannot be reached the lead is still
 * accepted (201, STARTING): LeadReconciler starts its workflow within a minute of Temporal's return, and
 * the same request again repairs it too (the workflow id is the lead's, so a double start is harmless).
 */
public final class LeadIntake {
  private static final Logger LOG = LoggerFactory.getLogger(LeadIntake.class);
  /**
   * {@code leadcadence_leads_accepted_total{outcome}}: started (its cadence runs), starting (stored, its
   * workflow starts when Temporal answers), duplicate (stored as a DUPLICATE of an open lead), repeat
   * (the same source and external id again: nothing new stored). Refusals are counted from the HTTP
   * answer (RejectedRequests), since most happen before this service is called.
   */
  public static final String ACCEPTED = "leadcadence.leads.accepted";

  /**
   * Intake's statements run on one handle per phase (the reads and the insert; the row's start after
   * the workflow's), each DAO attached once: an on-demand DAO re-attaches on every call (see HandleDaos).
   */
  private final Jdbi jdbi;
  private final OptOutRegistry optOuts;
  private final LeadWorkflows workflows;
  private final AgentNotifier notifier;
  private final DuplicateLeads duplicates;
  private final DealershipCadences cadences;
  private final Clock clock;
  private final MeterRegistry meters;

  public LeadIntake(Jdbi jdbi, OptOutRegistry optOuts, LeadWorkflows workflows, AgentNotifier notifier,
      DealershipCadences cadences, Clock clock, MeterRegistry meters) {
    this.meters = meters;
    this.jdbi = jdbi;
    this.optOuts = optOuts;
    this.workflows = workflows;
    this.notifier = notifier;
    this.cadences = cadences;
    this.duplicates = new DuplicateLeads(jdbi, workflows, clock);
    this.clock = clock;
  }

  /**
   * created: this call stored the lead (a new cadence, a repaired start, or a new DUPLICATE of an open
   * lead, which starts nothing); false for a repeat of the same (source, externalId).
   */
  public record Result(LeadRow lead, boolean created) {}

  /**
   * @throws com.leadcadence.api.errors.ApiException 422 for a value intake cannot accept (nothing stored)
   *     A lead whose workflow could not start (Temporal unreachable) is returned STARTING.
   */
  public Result intake(DealershipRow dealership, CreateLeadRequest request) {
    Accepted accepted = intakeOnce(dealership, request);
    meters.counter(ACCEPTED, "outcome", accepted.outcome()).increment();
    return accepted.result();
  }

  private record Accepted(Result result, String outcome) {
    static Accepted of(Result result, String outcomeIfCreated) {
      return new Accepted(result, result.created() ? outcomeIfCreated : "repeat");
    }
  }

  private Accepted intakeOnce(DealershipRow dealership, CreateLeadRequest request) {
    NormalisedLead lead = NormalisedLead.of(request, dealership, clock.instant());
    // The reads that decide what this intake is, and a new lead's insert, on one handle with each DAO
    // attached once (see HandleDaos); Temporal is called after it is closed.
    Found found = HandleDaos.with(jdbi, daos -> find(daos, dealership, request, lead));
    Optional<LeadRow> existing = found.existing();
    if (existing.isPresent() && existing.get().status() != LeadStatus.STARTING) {
      LeadRow row = existing.get();
      try (LeadMdc mdc = LeadMdc.put(row.id(), row.workflowId())) {
        LOG.info("Duplicate intake of lead {} ({} {}): nothing started", row.id(), lead.source(), lead.externalId());
      }
      duplicates.tellOriginal(row);
      return Accepted.of(new Result(row, false), "repeat");
    }
    Optional<LeadRow> original = found.original();
    if (original.isPresent()) {
      LeadScore score = CadenceInputs.score(lead, dealership);
      NewLead duplicate = newLead(lead, dealership, new LeadScore(score.points(), Grade.D, score.reasons()),
          original.get().assignedAgentId());
      return Accepted.of(new Result(duplicates.record(duplicate, original.get()), true), "duplicate");
    }
    LeadRow row = existing.orElseGet(() -> found.inserted().row());
    if (existing.isEmpty() && found.inserted().managers() != null) {
      tellManagersNobodyIsOnShift(row, found.inserted().offShift(), found.inserted().managers());
    }
    try (LeadMdc mdc = LeadMdc.put(row.id(), row.workflowId())) {
      if (existing.isPresent()) {
        LOG.info("Lead {} was left STARTING by an earlier intake: starting its workflow again", row.id());
      }
      boolean isNew = existing.isEmpty();
      if (!workflows.available()) {
        LOG.info("Lead {} accepted as STARTING: Temporal cannot be reached, its workflow starts when it answers",
            row.id());
        return Accepted.of(new Result(row, isNew), "starting");
      }
      LeadCadenceInput input = CadenceInputs.forLead(row, dealership, optOuts, cadences.plansFor(dealership.id()));
      try {
        workflows.start(row.workflowId(), input, dealership.name());
      } catch (CadenceUnavailableException e) {
        LOG.warn("Lead {} accepted as STARTING, its workflow did not start ({}); it is retried within a minute",
            row.id(), e.getMessage());
        return Accepted.of(new Result(row, isNew), "starting");
      }
      LeadRow started;
      try {
        started = jdbi.withHandle(handle -> {
          LeadDao dao = SharedDaos.on(handle, LeadDao.class);
          // Marked: the row is the one in hand, now ACTIVE. Not marked: something moved it on, so read it.
          if (dao.markStartedWithPlan(row.id(), input.plan().name(), input.plan().version()) == 1) {
            return row.withStatus(LeadStatus.ACTIVE);
          }
          dao.recordPlan(row.id(), input.plan().name(), input.plan().version());
          return dao.findById(row.id()).orElse(row);
        });
      } catch (RuntimeException e) {
        // The workflow runs; the row follows within a minute (LeadReconciler).
        LOG.warn("Lead {} started, but its row could not be marked ACTIVE ({}); it is repaired within a minute",
            row.id(), e.getMessage());
        started = row;
      }
      LOG.info("Lead {} from {} started: grade {} score {}, email {}, phone {}, agent {}",
          row.id(), row.source(), row.grade(), row.score(), Masking.email(row.email()),
          Masking.phone(row.phone()), row.assignedAgentId());
      return Accepted.of(new Result(started, true), "started");
    }
  }

  /**
   * What the store says of this intake: the row of the same (source, externalId) if any; else the open
   * lead it repeats, if any; else the new row, inserted (with the agent picked off shift, if so).
   */
  private record Found(Optional<LeadRow> existing, Optional<LeadRow> original, Inserted inserted) {}

  /**
   * managers: set when this intake inserted the row and nobody on shift took it (offShift: who did, off
   * shift); the managers to tell, read on the insert's handle.
   */
  private record Inserted(LeadRow row, List<AgentRow> managers, AgentRoster.Pick offShift) {}

  private Found find(HandleDaos daos, DealershipRow dealership, CreateLeadRequest request, NormalisedLead lead) {
    if (request.assignedAgentId() != null && daos.get(AgentDao.class)
        .findById(dealership.id(), request.assignedAgentId()).filter(AgentRow::active).isEmpty()) {
      throw ApiException.invalid("assignedAgentId", "is not an active agent of this dealership");
    }
    LeadDao leadDao = daos.get(LeadDao.class);
    Optional<LeadRow> existing = leadDao.findByExternalId(dealership.id(), lead.source(), lead.externalId());
    if (existing.isPresent()) {
      return new Found(existing, Optional.empty(), null);
    }
    Optional<LeadRow> original = duplicates.originalOf(leadDao, dealership.id(), lead);
    if (original.isPresent()) {
      return new Found(existing, original, null);
    }
    return new Found(existing, original, insertOrFindConcurrent(lead, dealership, daos));
  }

  /**
   * Assigns an agent, then inserts the row (STARTING, with its workflow id) in one transaction, on one
   * connection. The agent's turn is taken first, in a statement of its own: its row lock then lasts that
   * one UPDATE, not the whole insert (every intake and every call task of the agent meets that row: the
   * turn's compare-and-set and the foreign-key checks of leads and tasks), and a lost compare-and-set
   * re-reads the agents as they now are. An insert that fails after it costs the agent one turn at most.
   */
  private Inserted insertOrFindConcurrent(NormalisedLead lead, DealershipRow dealership, HandleDaos daos) {
    LeadScore score = CadenceInputs.score(lead, dealership);
    try {
      AgentRoster.Pick offShift = null;
      Long agentId = lead.request().assignedAgentId();
      if (agentId == null) {
        Optional<AgentRoster.Pick> pick =
            AgentAssigner.assign(daos.get(AgentDao.class), dealership, clock.instant(), null);
        offShift = pick.filter(p -> !p.onShift()).orElse(null);
        agentId = pick.map(p -> p.agent().id()).orElse(null);
      }
      Long assigned = agentId;
      // The turn is taken; the transaction holds the agent's row only in share mode (the foreign key).
      LeadRow row = daos.inTransaction(tx -> {
        LeadDao dao = tx.get(LeadDao.class);
        long id = dao.insert(newLead(lead, dealership, score, assigned));
        dao.setWorkflowId(id, WorkflowIds.forLead(id));
        LeadRow inserted = dao.findById(id).orElseThrow();
        tx.get(LeadEventDao.class).record(LeadEvents.created(inserted));
        return inserted;
      });
      List<AgentRow> managers = offShift != null || row.assignedAgentId() == null
          ? daos.get(AgentDao.class).listActive(dealership.id(), AgentRole.MANAGER)
          : null;
      return new Inserted(row, managers, offShift);
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        // A concurrent intake of the same lead won the insert: carry on with its row (no alert: that
        // intake sent it if one was due).
        return new Inserted(daos.get(LeadDao.class).findByExternalId(dealership.id(), lead.source(), lead.externalId())
            .orElseThrow(() -> e), null, null);
      }
      throw e;
    }
  }

  /** With nobody on shift (or nobody free at all) the lead waits for someone: managers should know. */
  private void tellManagersNobodyIsOnShift(LeadRow lead, AgentRoster.Pick pick, List<AgentRow> managers) {
    String reason = pick == null
        ? "no agent is available for a new lead: it is unassigned"
        : "nobody is on shift: a new lead went to agent " + pick.agent().id() + ", whose shift starts "
            + pick.startsAt();
    notifier.managerAlert(new ManagerAlert(lead.id(), lead.dealershipId(), lead.workflowId(), reason, clock.instant()),
        managers);
  }

  private static NewLead newLead(NormalisedLead lead, DealershipRow dealership, LeadScore score, Long agentId) {
    var vehicle = lead.vehicle();
    var request = lead.request();
    return new NewLead(
        dealership.id(),
        lead.source(),
        lead.externalId(),
        lead.firstName(),
        lead.lastName(),
        lead.email(),
        lead.phone(),
        lead.timeZone(),
        vehicle == null ? null : vehicle.year(),
        vehicle == null ? null : vehicle.make(),
        vehicle == null ? null : vehicle.model(),
        vehicle == null ? null : vehicle.trim(),
        vehicle == null ? null : vehicle.vin(),
        vehicle == null ? null : vehicle.stockNumber(),
        request.timeframe(),
        request.comments(),
        lead.consent().sms(),
        lead.consent().voice(),
        lead.consent().source(),
        lead.consent().at(),
        score.points(),
        score.grade(),
        agentId);
  }
}
