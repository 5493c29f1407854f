package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.TaskEventRow;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads task_events for the live stream (written by TaskDao together with each task change). */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface TaskEventDao extends SqlObject {

  /** Seconds after which an event is settled: no open transaction can still commit a smaller id. */
  int SETTLE_SECONDS = 5;

  /**
   * A dealership's events after an id, oldest first; with agentId, only those about that agent's tasks
   * (as the task's agent, or as the agent a task was taken from).
   */
  @SqlQuery("""
      SELECT e.*, e.created_at < NOW(3) - INTERVAL 5 SECOND AS settled FROM task_events e
      WHERE e.dealership_id = :dealershipId AND e.id > :afterId
        AND (:agentId IS NULL OR e.agent_id = :agentId OR e.previous_agent_id = :agentId)
      ORDER BY e.id
      LIMIT :limit
      """)
  List<TaskEventRow> since(long dealershipId, Long agentId, long afterId, int limit);

  /** The newest event id, 0 when there is none: a cheap "anything new?" for the stream's poller. */
  @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM task_events")
  long maxId();

  /** The newest event id of a dealership, where a stream without Last-Event-ID starts. */
  @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM task_events WHERE dealership_id = :dealershipId")
  long maxIdOf(long dealershipId);
}
