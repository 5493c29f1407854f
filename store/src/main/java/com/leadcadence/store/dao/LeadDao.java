package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.NewLead;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Leads: the queryable mirror of each lead's workflow. */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface LeadDao extends SqlObject {

  /** Inserts the lead with status STARTING; throws on a duplicate (dealership, source, external id). */
  @SqlUpdate("""
      INSERT INTO leads (dealership_id, source, external_id, first_name, last_name, email, phone, time_zone,
                         vehicle_year, vehicle_make, vehicle_model, vehicle_trim, vehicle_vin,
                         vehicle_stock_number, timeframe, comments, consent_sms, consent_voice,
                         consent_source, consent_at, score, grade, status, assigned_agent_id)
      VALUES (:dealershipId, :source, :externalId, :firstName, :lastName, :email, :phone, :timeZone,
              :vehicleYear, :vehicleMake, :vehicleModel, :vehicleTrim, :vehicleVin,
              :vehicleStockNumber, :timeframe, :comments, :consentSms, :consentVoice,
              :consentSource, :consentAt, :score, :grade, 'STARTING', :assignedAgentId)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewLead lead);

  @SqlUpdate("UPDATE leads SET workflow_id = :workflowId WHERE id = :id")
  int setWorkflowId(long id, String workflowId);

  @SqlQuery("SELECT * FROM leads WHERE id = :id")
  Optional<LeadRow> findById(long id);

  @SqlQuery("SELECT * FROM leads WHERE dealership_id = :dealershipId AND id = :id")
  Optional<LeadRow> findByIdForDealership(long dealershipId, long id);

  @SqlQuery("""
      SELECT * FROM leads
      WHERE dealership_id = :dealershipId AND source = :source AND external_id = :externalId
      """)
  Optional<LeadRow> findByExternalId(long dealershipId, String source, String externalId);

  /** Leads whose cadence is not over (STARTING, ACTIVE, PAUSED), by id, one page after afterId. */
  @SqlQuery("""
      SELECT * FROM leads
      WHERE status IN ('STARTING', 'ACTIVE', 'PAUSED') AND id > :afterId
      ORDER BY id
      LIMIT :limit
      """)
  List<LeadRow> listOpen(long afterId, int limit);

  /** Leads whose workflow start was never confirmed, by id, one page after afterId. */
  @SqlQuery("SELECT * FROM leads WHERE status = 'STARTING' AND id > :afterId ORDER BY id LIMIT :limit")
  List<LeadRow> listStarting(long afterId, int limit);

  /** The dealership's leads with this phone (E.164), newest first. */
  @SqlQuery("SELECT * FROM leads WHERE dealership_id = :dealershipId AND phone = :phone ORDER BY id DESC")
  List<LeadRow> listByPhone(long dealershipId, String phone);

  /** The dealership's leads with this email (stored lower-cased), newest first. */
  @SqlQuery("SELECT * FROM leads WHERE dealership_id = :dealershipId AND email = :email ORDER BY id DESC")
  List<LeadRow> listByEmail(long dealershipId, String email);

  /**
   * The oldest lead of the dealership still open (STARTING, ACTIVE, PAUSED) and created since the given
   * time whose phone or email is the one given: the original a new inquiry repeats. Each half uses its
   * index (ix_leads_phone, ix_leads_email); a null address matches nothing.
   */
  @SqlQuery("""
      SELECT * FROM (
        SELECT * FROM leads
        WHERE dealership_id = :dealershipId AND phone = :phone
          AND status IN ('STARTING', 'ACTIVE', 'PAUSED') AND created_at >= :since
        UNION
        SELECT * FROM leads
        WHERE dealership_id = :dealershipId AND email = :email
          AND status IN ('STARTING', 'ACTIVE', 'PAUSED') AND created_at >= :since
      ) matches
      ORDER BY id
      LIMIT 1
      """)
  Optional<LeadRow> findOpenByPhoneOrEmail(long dealershipId, String phone, String email, Instant since);

  /** A just-inserted row becomes a duplicate of originalId: no workflow, closed at once. */
  @SqlUpdate("""
      UPDATE leads SET status = 'DUPLICATE', duplicate_of = :originalId, closed_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id
      """)
  int markDuplicate(long id, long originalId);

  /**
   * Sets the status; a terminal status also stamps closed_at (the first close time is kept). A real
   * change records lead.status_changed in the same transaction (not STARTING -> ACTIVE, which is the
   * lead's start, announced as lead.created).
   */
  @Transaction
  default int updateStatus(long id, LeadStatus status, Instant at) {
    Optional<LeadStatus> before = lockStatus(id);
    int updated = setStatus(id, status, status.isTerminal() ? at : null);
    if (before.isPresent() && before.get() != status
        && !(before.get() == LeadStatus.STARTING && status == LeadStatus.ACTIVE)) {
      SharedDaos.on(getHandle(), LeadEventDao.class).record(LeadEvents.statusChanged(id, before.get(), status, at));
    }
    return updated;
  }

  @SqlQuery("SELECT status FROM leads WHERE id = :id FOR UPDATE")
  Optional<LeadStatus> lockStatus(long id);

  /** As {@link #updateStatus(long, LeadStatus, Instant)} at the current time. */
  default int updateStatus(long id, LeadStatus status) {
    return updateStatus(id, status, Instant.now());
  }

  @SqlUpdate("UPDATE leads SET status = :status, closed_at = COALESCE(closed_at, :closedAt) WHERE id = :id")
  int setStatus(long id, LeadStatus status, Instant closedAt);

  /** STARTING -> ACTIVE once the workflow is confirmed started; 0 when the lead has moved on already. */
  @SqlUpdate("UPDATE leads SET status = 'ACTIVE' WHERE id = :id AND status = 'STARTING'")
  int markStartedIfStarting(long id);

  /**
   * STARTING -> ACTIVE with the plan its workflow runs, in one statement (intake's common case); 0, and
   * nothing written, when the lead has moved on already.
   */
  @SqlUpdate("""
      UPDATE leads SET status = 'ACTIVE', plan_name = :planName, plan_version = :planVersion
      WHERE id = :id AND status = 'STARTING'
      """)
  int markStartedWithPlan(long id, String planName, int planVersion);

  /** The plan the lead's workflow runs (at its start, and after a switch), for plan migrations to find it. */
  @SqlUpdate("UPDATE leads SET plan_name = :name, plan_version = :version WHERE id = :id")
  int recordPlan(long id, String name, int version);

  /** Keeps the first stamp: a later or retried touch never moves it. */
  @SqlUpdate("UPDATE leads SET first_response_at = COALESCE(first_response_at, :at) WHERE id = :id")
  int markFirstResponse(long id, Instant at);

  @SqlUpdate("UPDATE leads SET first_contact_at = COALESCE(first_contact_at, :at) WHERE id = :id")
  int markFirstContact(long id, Instant at);

  @SqlUpdate("UPDATE leads SET score = :score, grade = :grade WHERE id = :id")
  int updateScore(long id, int score, Grade grade);

  @SqlUpdate("UPDATE leads SET assigned_agent_id = :agentId WHERE id = :id")
  int assignAgent(long id, Long agentId);

  /** The agent's leads whose cadence still runs (they follow the agent's work when it moves). */
  @SqlQuery("""
      SELECT * FROM leads
      WHERE dealership_id = :dealershipId AND assigned_agent_id = :agentId
        AND status IN ('STARTING', 'ACTIVE', 'PAUSED')
      ORDER BY id
      """)
  List<LeadRow> listRunningByAgent(long dealershipId, long agentId);
}
