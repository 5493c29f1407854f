package com.leadcadence.store.dao;

import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Agents' tasks. */
@RegisterConstructorMapper(TaskRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface TaskDao extends SqlObject {

  @SqlUpdate("""
      INSERT INTO tasks (lead_id, agent_id, touch_id, kind, status, due_at, created_at)
      VALUES (:leadId, :agentId, :touchId, :kind, 'OPEN', :dueAt, :createdAt)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewTask task);

  /** An OPEN task with a note for the agent (a reply to answer, a lead to call back now). */
  @SqlUpdate("""
      INSERT INTO tasks (lead_id, agent_id, touch_id, kind, status, due_at, created_at, note)
      VALUES (:leadId, :agentId, :touchId, :kind, 'OPEN', :dueAt, :createdAt, :note)
      """)
  @GetGeneratedKeys("id")
  long insertWithNote(@BindMethods NewTask task, String note);

  /** At most one task per touch (unique touch_id): returns the stored one when a retry inserts again. */
  default TaskRow insertIfAbsentForTouch(NewTask task) {
    if (task.touchId() == null) {
      throw new IllegalArgumentException("insertIfAbsentForTouch needs a touch id");
    }
    insertIgnoringDuplicate(task);
    return findByTouchId(task.touchId())
        .orElseThrow(() -> new IllegalStateException("task vanished for touch " + task.touchId()));
  }

  @SqlUpdate("""
      INSERT INTO tasks (lead_id, agent_id, touch_id, kind, status, due_at, created_at)
      VALUES (:leadId, :agentId, :touchId, :kind, 'OPEN', :dueAt, :createdAt)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insertIgnoringDuplicate(@BindMethods NewTask task);

  @SqlQuery("SELECT * FROM tasks WHERE id = :id")
  Optional<TaskRow> findById(long id);

  @SqlQuery("SELECT * FROM tasks WHERE touch_id = :touchId")
  Optional<TaskRow> findByTouchId(long touchId);

  @SqlQuery("SELECT * FROM tasks WHERE lead_id = :leadId ORDER BY due_at, id")
  List<TaskRow> listByLead(long leadId);

  @SqlQuery("SELECT * FROM tasks WHERE lead_id = :leadId AND status = 'OPEN' ORDER BY due_at, id")
  List<TaskRow> listOpenByLead(long leadId);

  /** An agent's work list, most urgent first. */
  @SqlQuery("SELECT * FROM tasks WHERE agent_id = :agentId AND status = 'OPEN' ORDER BY due_at, id")
  List<TaskRow> listOpenByAgent(long agentId);

  /** Marks every open task of the lead DONE with the outcome; returns how many were open. */
  @SqlUpdate("""
      UPDATE tasks SET status = 'DONE', completed_at = :at, outcome = :outcome, note = :note
      WHERE lead_id = :leadId AND status = 'OPEN'
      """)
  int closeOpenByLead(long leadId, String outcome, String note, Instant at);

  /** Cancels the lead's open tasks (the cadence ended without an outcome from an agent). */
  @SqlUpdate("""
      UPDATE tasks SET status = 'CANCELLED', completed_at = :at, note = :note
      WHERE lead_id = :leadId AND status = 'OPEN'
      """)
  int cancelOpenByLead(long leadId, String note, Instant at);
}
