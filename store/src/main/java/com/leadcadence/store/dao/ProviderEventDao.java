package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.ProviderEventRow;
import java.util.List;
import java.util.Optional;
import java.sql.SQLIntegrityConstraintViolationException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Webhook events, deduplicated by the provider's own event id: providers deliver at least once, so the
 * first insert of an id decides that the event is handled, and every later copy is recognised.
 */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface ProviderEventDao extends SqlObject {

  /** True when this call stored the event (first delivery), false when it was already there. */
  default boolean insertIfAbsent(String provider, String eventId, String eventType, Long leadId, String payload) {
    // A plain insert and its duplicate-key error: the affected-row count of "ON DUPLICATE KEY UPDATE" is 1
    // for a duplicate too under Connector/J's default CLIENT_FOUND_ROWS, and INSERT IGNORE would also turn
    // other errors into warnings.
    try {
      insert(provider, eventId, eventType, leadId, payload);
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException
          && find(provider, eventId).isPresent()) {
        return false;
      }
      throw e;
    }
  }

  @SqlUpdate("""
      INSERT INTO provider_events (provider, event_id, event_type, lead_id, payload)
      VALUES (:provider, :eventId, :eventType, :leadId, :payload)
      """)
  void insert(String provider, String eventId, String eventType, Long leadId, String payload);

  /** Forgets an event whose handling failed, so that the provider's retry is handled again. */
  @SqlUpdate("DELETE FROM provider_events WHERE provider = :provider AND event_id = :eventId")
  int delete(String provider, String eventId);

  @SqlQuery("SELECT * FROM provider_events WHERE provider = :provider AND event_id = :eventId")
  Optional<ProviderEventRow> find(String provider, String eventId);

  @SqlQuery("SELECT * FROM provider_events WHERE provider = :provider ORDER BY id")
  List<ProviderEventRow> listByProvider(String provider);

  @SqlQuery("SELECT COUNT(*) FROM provider_events")
  long count();
}
