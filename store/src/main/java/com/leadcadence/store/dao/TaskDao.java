package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskEventType;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Agents' tasks. Every change goes through a method here that also writes its task_events row in the
 * same transaction, so the live stream (which replays from that table) never misses or invents one.
 */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface TaskDao extends SqlObject {

  /** Inserts an OPEN task and its task.created event (and lead.replied for a reply). */
  @Transaction
  default TaskRow create(NewTask task) {
    long id = insert(task);
    TaskRow created = findById(id).orElseThrow();
    event(created, TaskEventType.TASK_CREATED, null, null);
    SharedDaos.on(getHandle(), LeadEventDao.class).record(LeadEvents.taskCreated(created));
    if (task.kind() == TaskKind.LEAD_REPLIED) {
      event(created, TaskEventType.LEAD_REPLIED, null, null);
    }
    return created;
  }

  /** At most one task per touch (unique touch_id): a retry gets the stored task and no second event. */
  @Transaction
  default TaskRow createForTouchIfAbsent(NewTask task) {
    if (task.touchId() == null) {
      throw new IllegalArgumentException("createForTouchIfAbsent needs a touch id");
    }
    // Insert first: the task nearly always is new, and the unique touch_id refuses a second one.
    try {
      return create(task);
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        // an earlier or concurrent attempt of the same step inserted it, with its event
        return findByTouchId(task.touchId()).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /**
   * Closes a task still to do as DONE with the outcome; empty when it was already closed (the caller
   * lost a race or repeats itself). The row is locked, so of two concurrent completions one wins.
   */
  @Transaction
  default Optional<TaskRow> complete(long taskId, String outcome, String note, Instant at) {
    if (markDone(taskId, outcome, note, at) == 0) {
      return Optional.empty();
    }
    TaskRow done = findById(taskId).orElseThrow();
    event(done, TaskEventType.TASK_UPDATED, null, "completed: " + outcome);
    SharedDaos.on(getHandle(), LeadEventDao.class).record(LeadEvents.taskCompleted(done));
    return Optional.of(done);
  }

  /** Undoes {@link #complete} when the outcome could not reach the workflow (the task is to do again). */
  @Transaction
  default void reopen(long taskId, TaskStatus status) {
    if (restore(taskId, status) == 1) {
      event(findById(taskId).orElseThrow(), TaskEventType.TASK_UPDATED, null, "reopened");
    }
  }

  /** A CRM's outcome for the lead: its open call tasks are done with it. */
  @Transaction
  default List<TaskRow> completeOpenCallsOfLead(long leadId, String outcome, String note, Instant at) {
    List<TaskRow> closed = new ArrayList<>();
    for (TaskRow task : lockToDoOfLead(leadId)) {
      if ((task.kind() == TaskKind.CALL || task.kind() == TaskKind.CALL_BACK_NOW)) {
        complete(task.id(), outcome, note, at).ifPresent(closed::add);
      }
    }
    return closed;
  }

  /** The cadence ended: nobody should work the lead's tasks any more. */
  @Transaction
  default List<TaskRow> cancelOpenByLead(long leadId, String note, Instant at) {
    List<TaskRow> cancelled = new ArrayList<>();
    for (TaskRow task : lockToDoOfLead(leadId)) {
      if (markCancelled(task.id(), note, at) == 1) {
        TaskRow row = findById(task.id()).orElseThrow();
        event(row, TaskEventType.TASK_UPDATED, null, "cancelled: " + note);
        cancelled.add(row);
      }
    }
    return cancelled;
  }

  /** OPEN past its due time becomes OVERDUE (once); empty when it was done, cancelled or overdue already. */
  @Transaction
  default Optional<TaskRow> markOverdue(long taskId, Instant at) {
    if (setOverdue(taskId, at) == 0) {
      return Optional.empty();
    }
    TaskRow row = findById(taskId).orElseThrow();
    event(row, TaskEventType.TASK_OVERDUE, null, null);
    return Optional.of(row);
  }

  /** Moves a task still to do to another agent; empty when it is closed or already theirs. */
  @Transaction
  default Optional<TaskRow> reassign(long taskId, Long agentId, String why) {
    Optional<TaskRow> before = lockById(taskId);
    if (before.isEmpty() || before.get().status().isClosed() || java.util.Objects.equals(before.get().agentId(), agentId)) {
      return Optional.empty();
    }
    setAgent(taskId, agentId);
    TaskRow after = findById(taskId).orElseThrow();
    event(after, TaskEventType.TASK_UPDATED, before.get().agentId(), "reassigned: " + why);
    return Optional.of(after);
  }

  /** Stamps the escalation (once); false when it was escalated before or is closed. */
  @SqlUpdate("""
      UPDATE tasks SET escalated_at = :at
      WHERE id = :taskId AND escalated_at IS NULL AND status IN ('OPEN', 'OVERDUE')
      """)
  int markEscalated(long taskId, Instant at);

  // ---- reads ----------------------------------------------------------------------------------

  @SqlQuery("SELECT * FROM tasks WHERE id = :id")
  Optional<TaskRow> findById(long id);

  @SqlQuery("SELECT * FROM tasks WHERE dealership_id = :dealershipId AND id = :id")
  Optional<TaskRow> findByIdForDealership(long dealershipId, long id);

  @SqlQuery("SELECT * FROM tasks WHERE touch_id = :touchId")
  Optional<TaskRow> findByTouchId(long touchId);

  @SqlQuery("SELECT * FROM tasks WHERE lead_id = :leadId ORDER BY due_at, id")
  List<TaskRow> listByLead(long leadId);

  @SqlQuery("SELECT * FROM tasks WHERE lead_id = :leadId AND status IN ('OPEN', 'OVERDUE') ORDER BY due_at, id")
  List<TaskRow> listOpenByLead(long leadId);

  /** An agent's work list, most urgent first. */
  @SqlQuery("""
      SELECT * FROM tasks WHERE agent_id = :agentId AND status IN ('OPEN', 'OVERDUE') ORDER BY due_at, id
      """)
  List<TaskRow> listOpenByAgent(long agentId);

  /**
   * One page of a dealership's tasks, due first (then id), after the cursor (dueAt, id) when given.
   * agentId and leadId narrow it when set; statuses is never empty.
   */
  @SqlQuery("""
      SELECT * FROM tasks
      WHERE dealership_id = :dealershipId
        AND status IN (<statuses>)
        AND (:agentId IS NULL OR agent_id = :agentId)
        AND (:leadId IS NULL OR lead_id = :leadId)
        AND (:afterDueAt IS NULL OR due_at > :afterDueAt OR (due_at = :afterDueAt AND id > :afterId))
      ORDER BY due_at, id
      LIMIT :limit
      """)
  List<TaskRow> page(long dealershipId, @BindList("statuses") List<String> statuses, Long agentId, Long leadId,
      Instant afterDueAt, Long afterId, int limit);

  // ---- the statements behind the changes above ------------------------------------------------

  @SqlUpdate("""
      INSERT INTO tasks (dealership_id, lead_id, agent_id, touch_id, kind, attempt, script, status, due_at,
                         created_at, note, escalated_task_id)
      VALUES (:dealershipId, :leadId, :agentId, :touchId, :kind, :attempt, :script, 'OPEN', :dueAt,
              :createdAt, :note, :escalatedTaskId)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewTask task);

  @SqlQuery("SELECT * FROM tasks WHERE id = :id FOR UPDATE")
  Optional<TaskRow> lockById(long id);

  @SqlQuery("SELECT * FROM tasks WHERE lead_id = :leadId AND status IN ('OPEN', 'OVERDUE') ORDER BY id FOR UPDATE")
  List<TaskRow> lockToDoOfLead(long leadId);

  @SqlUpdate("""
      UPDATE tasks SET status = 'DONE', completed_at = :at, outcome = :outcome, note = COALESCE(:note, note)
      WHERE id = :taskId AND status IN ('OPEN', 'OVERDUE')
      """)
  int markDone(long taskId, String outcome, String note, Instant at);

  @SqlUpdate("""
      UPDATE tasks SET status = :status, completed_at = NULL, outcome = NULL
      WHERE id = :taskId AND status = 'DONE'
      """)
  int restore(long taskId, TaskStatus status);

  @SqlUpdate("""
      UPDATE tasks SET status = 'CANCELLED', completed_at = :at, note = COALESCE(note, :note)
      WHERE id = :taskId AND status IN ('OPEN', 'OVERDUE')
      """)
  int markCancelled(long taskId, String note, Instant at);

  @SqlUpdate("UPDATE tasks SET status = 'OVERDUE', overdue_at = :at WHERE id = :taskId AND status = 'OPEN'")
  int setOverdue(long taskId, Instant at);

  @SqlUpdate("UPDATE tasks SET agent_id = :agentId WHERE id = :taskId")
  int setAgent(long taskId, Long agentId);

  default void event(TaskRow task, TaskEventType type, Long previousAgentId, String detail) {
    insertEvent(task.dealershipId(), type.wireName(), task.id(), task.leadId(), task.agentId(), previousAgentId,
        task.status().name(), detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300));
  }

  @SqlUpdate("""
      INSERT INTO task_events (dealership_id, type, task_id, lead_id, agent_id, previous_agent_id, task_status, detail)
      VALUES (:dealershipId, :type, :taskId, :leadId, :agentId, :previousAgentId, :taskStatus, :detail)
      """)
  void insertEvent(long dealershipId, String type, Long taskId, long leadId, Long agentId, Long previousAgentId,
      String taskStatus, String detail);
}
