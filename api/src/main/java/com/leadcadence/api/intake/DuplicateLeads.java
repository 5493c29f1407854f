package com.leadcadence.api.intake;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.logging.Masking;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewLead;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate rule: a new lead whose phone or email is that of an open lead (STARTING, ACTIVE or
 * PAUSED) of the same dealership created in the last {@link #WINDOW} starts no second cadence. It is
 * stored as DUPLICATE (grade D, no workflow, linked to that original, which keeps its agent), and the
 * original's workflow hears a RE_INQUIRY engagement, which raises its score.
 *
 * <p>The signal is best effort and safe to repeat: the workflow counts each duplicate once, and a
 * repeat of the duplicate's intake sends it again, so a signal lost to a Temporal outage is sent by the
 * CRM's retry. Two leads for the same person arriving at the same instant may both start (the check is
 * not a lock): the rule is for re-inquiries, which come minutes or days apart.
 */
public final class DuplicateLeads {
  private static final Logger LOG = LoggerFactory.getLogger(DuplicateLeads.class);
  /** How far back an open lead counts as the one a new inquiry repeats. */
  public static final Duration WINDOW = Duration.ofDays(30);

  private final Jdbi jdbi;
  private final LeadDao leads;
  private final LeadWorkflows workflows;
  private final Clock clock;

  public DuplicateLeads(Jdbi jdbi, LeadWorkflows workflows, Clock clock) {
    this.jdbi = jdbi;
    this.leads = SharedDaos.onDemand(jdbi, LeadDao.class);
    this.workflows = workflows;
    this.clock = clock;
  }

  /** The open lead this one repeats, if any; read with the caller's LeadDao (intake's, on its one handle). */
  public Optional<LeadRow> originalOf(LeadDao leadDao, long dealershipId, NormalisedLead lead) {
    if (lead.phone() == null && lead.email() == null) {
      return Optional.empty();
    }
    return leadDao.findOpenByPhoneOrEmail(dealershipId, lead.phone(), lead.email(), clock.instant().minus(WINDOW));
  }

  /**
   * Stores the duplicate (in one transaction: never visible as STARTING, so nothing starts it) and tells
   * the original's workflow. A concurrent intake of the same (source, externalId) that won the insert
   * is returned instead.
   */
  public LeadRow record(NewLead duplicate, LeadRow original) {
    LeadRow row;
    try {
      row = jdbi.inTransaction(handle -> {
        LeadDao dao = SharedDaos.on(handle, LeadDao.class);
        long id = dao.insert(duplicate);
        dao.markDuplicate(id, original.id());
        return dao.findById(id).orElseThrow();
      });
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        return leads.findByExternalId(duplicate.dealershipId(), duplicate.source(), duplicate.externalId())
            .orElseThrow(() -> e);
      }
      throw e;
    }
    try (LeadMdc mdc = LeadMdc.put(original.id(), original.workflowId())) {
      LOG.info("Lead {} from {} repeats open lead {} (email {}, phone {}): stored as a duplicate, no cadence",
          row.id(), row.source(), original.id(), Masking.email(row.email()), Masking.phone(row.phone()));
    }
    tellOriginal(row);
    return row;
  }

  /** Sends the original's workflow the re-inquiry of this duplicate (again, for a repeated intake). */
  public void tellOriginal(LeadRow duplicate) {
    if (duplicate.duplicateOf() == null) {
      return;
    }
    Optional<LeadRow> original = leads.findById(duplicate.duplicateOf());
    if (original.isEmpty() || original.get().workflowId() == null) {
      return;
    }
    try (LeadMdc mdc = LeadMdc.put(original.get().id(), original.get().workflowId())) {
      workflows.engagement(original.get().workflowId(), new EngagementEvent(EngagementType.RE_INQUIRY,
          "lead " + duplicate.id() + " from " + duplicate.source()));
      LOG.info("Re-inquiry (lead {}) signalled to lead {}", duplicate.id(), original.get().id());
    } catch (RuntimeException e) {
      LOG.warn("Re-inquiry (lead {}) not signalled to lead {} ({}): the same intake again sends it",
          duplicate.id(), original.get().id(), e.getMessage());
    }
  }
}
