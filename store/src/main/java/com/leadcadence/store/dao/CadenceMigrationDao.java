package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.CadenceMigrationRow;
import com.leadcadence.store.rows.MigrationLeadRow;
import com.leadcadence.store.rows.MigrationOutcome;
import com.leadcadence.store.rows.MigrationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plan migrations of running leads (cadence_migrations) and their per-lead results (cadence_migration_leads). */
@RegisterConstructorMapper(CadenceMigrationRow.class)
@RegisterConstructorMapper(MigrationLeadRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface CadenceMigrationDao extends SqlObject {

  /** The statuses of a lead whose cadence still runs (LeadStatus#isTerminal is false). */
  String RUNNING_LEAD = " status IN ('STARTING', 'ACTIVE', 'PAUSED') ";

  /** A new RUNNING migration; its id. */
  @SqlUpdate("""
      INSERT INTO cadence_migrations (dealership_id, plan_name, from_version, to_version, dry_run, status, total)
      VALUES (:dealershipId, :planName, :fromVersion, :toVersion, :dryRun, 'RUNNING', :total)
      """)
  @GetGeneratedKeys("id")
  long insert(long dealershipId, String planName, int fromVersion, int toVersion, boolean dryRun, int total);

  @SqlUpdate("UPDATE cadence_migrations SET workflow_id = :workflowId WHERE id = :id")
  int setWorkflowId(long id, String workflowId);

  @SqlQuery("SELECT * FROM cadence_migrations WHERE id = :id")
  Optional<CadenceMigrationRow> findById(long id);

  /** The dealership's migration of that plan (empty for another dealership's or another plan's). */
  @SqlQuery("SELECT * FROM cadence_migrations WHERE id = :id AND dealership_id = :dealershipId AND plan_name = :planName")
  Optional<CadenceMigrationRow> find(long dealershipId, String planName, long id);

  /** How many of the dealership's leads run that plan version now (ix_leads_plan). */
  @SqlQuery("""
      SELECT COUNT(*) FROM leads
      WHERE dealership_id = :dealershipId AND plan_name = :planName AND plan_version = :version AND""" + RUNNING_LEAD)
  int countRunningLeads(long dealershipId, String planName, int version);

  /** The next page of running leads on that plan version, by id after afterId (keyset: leads move as it goes). */
  @SqlQuery("""
      SELECT id FROM leads
      WHERE dealership_id = :dealershipId AND plan_name = :planName AND plan_version = :version AND id > :afterId
        AND""" + RUNNING_LEAD + """
      ORDER BY id LIMIT :limit
      """)
  List<Long> runningLeadIds(long dealershipId, String planName, int version, long afterId, int limit);

  /**
   * One lead's result, upserted per (migration, lead) so a retried step leaves one row. A retry that finds
   * the lead already switched by its first attempt (the lead answers ALREADY_ON_IT then) keeps SWITCHED.
   */
  @SqlUpdate("""
      INSERT INTO cadence_migration_leads (migration_id, lead_id, outcome, position, next_step_id, reason, recorded_at)
      VALUES (:migrationId, :leadId, :outcome, :position, :nextStepId, :reason, :at)
      ON DUPLICATE KEY UPDATE
        position = IF(outcome = 'SWITCHED' AND VALUES(outcome) = 'ALREADY_ON_IT', position, VALUES(position)),
        next_step_id = IF(outcome = 'SWITCHED' AND VALUES(outcome) = 'ALREADY_ON_IT', next_step_id, VALUES(next_step_id)),
        reason = IF(outcome = 'SWITCHED' AND VALUES(outcome) = 'ALREADY_ON_IT', reason, VALUES(reason)),
        recorded_at = IF(outcome = 'SWITCHED' AND VALUES(outcome) = 'ALREADY_ON_IT', recorded_at, VALUES(recorded_at)),
        outcome = IF(outcome = 'SWITCHED' AND VALUES(outcome) = 'ALREADY_ON_IT', outcome, VALUES(outcome))
      """)
  void recordLead(long migrationId, long leadId, MigrationOutcome outcome, String position, String nextStepId,
      String reason, Instant at);

  /** The counts, recomputed from the per-lead rows (so repeating it, or a retried lead, never counts twice). */
  @SqlUpdate("""
      UPDATE cadence_migrations m
      LEFT JOIN (
        SELECT migration_id,
               SUM(outcome = 'SWITCHED') AS switched, SUM(outcome = 'NO_COUNTERPART') AS no_counterpart,
               SUM(outcome = 'ALREADY_ON_IT') AS already, SUM(outcome = 'NOT_RUNNING') AS not_running,
               SUM(outcome = 'FAILED') AS failed
        FROM cadence_migration_leads WHERE migration_id = :id GROUP BY migration_id) c ON c.migration_id = m.id
      SET m.switched = COALESCE(c.switched, 0), m.no_counterpart = COALESCE(c.no_counterpart, 0),
          m.already = COALESCE(c.already, 0), m.not_running = COALESCE(c.not_running, 0),
          m.failed = COALESCE(c.failed, 0)
      WHERE m.id = :id
      """)
  int refreshCounts(long id);

  /** RUNNING becomes DONE or FAILED once; a repeated call changes nothing. */
  @SqlUpdate("""
      UPDATE cadence_migrations SET status = :status, error = :error, finished_at = :at
      WHERE id = :id AND status = 'RUNNING'
      """)
  int finish(long id, MigrationStatus status, String error, Instant at);

  /** A page of the migration's per-lead results by lead id, all outcomes or one. */
  @SqlQuery("""
      SELECT * FROM cadence_migration_leads
      WHERE migration_id = :migrationId AND (:outcome IS NULL OR outcome = :outcome) AND lead_id > :afterLeadId
      ORDER BY lead_id LIMIT :limit
      """)
  List<MigrationLeadRow> leads(long migrationId, MigrationOutcome outcome, long afterLeadId, int limit);
}
