package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.store.rows.OutcomeRow;
import com.leadcadence.workflows.model.OutcomeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Outcomes as reported, each stored once by its key. */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface OutcomeDao extends SqlObject {

  /**
   * Stores the outcome unless its key is there already, with its outcome.recorded event (once per
   * outcome); returns the stored row either way.
   */
  @Transaction
  default OutcomeRow insertIfAbsent(
      long leadId, String outcomeKey, OutcomeType type, Long agentId, String note, Instant recordedAt) {
    insertIgnoringDuplicate(leadId, outcomeKey, type, agentId, note, recordedAt);
    OutcomeRow stored = findByKey(outcomeKey)
        .orElseThrow(() -> new IllegalStateException("outcome vanished: " + outcomeKey));
    SharedDaos.on(getHandle(), LeadEventDao.class).record(LeadEvents.outcomeRecorded(stored));
    return stored;
  }

  @SqlUpdate("""
      INSERT INTO lead_outcomes (lead_id, outcome_key, type, agent_id, note, recorded_at)
      VALUES (:leadId, :outcomeKey, :type, :agentId, :note, :recordedAt)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insertIgnoringDuplicate(
      long leadId, String outcomeKey, OutcomeType type, Long agentId, String note, Instant recordedAt);

  @SqlQuery("SELECT * FROM lead_outcomes WHERE outcome_key = :outcomeKey")
  Optional<OutcomeRow> findByKey(String outcomeKey);

  @SqlQuery("SELECT * FROM lead_outcomes WHERE lead_id = :leadId ORDER BY recorded_at, id")
  List<OutcomeRow> listByLead(long leadId);
}
