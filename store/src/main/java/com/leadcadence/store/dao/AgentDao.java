package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.AgentLoad;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.NewAgent;
import java.time.Instant;
import java.util.List;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A dealership's agents and managers, and agents' own tokens; every lookup is scoped to the dealership. */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface AgentDao extends SqlObject {

  @SqlUpdate("""
      INSERT INTO agents (dealership_id, name, email, phone, role, shift_hours, notify_by, max_open_tasks, available)
      VALUES (:dealershipId, :name, :email, :phone, :role, :shiftHours, :notifyBy, :maxOpenTasks, :available)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewAgent agent);

  /** Replaces the editable fields (a PATCH merges into the stored row first). */
  @SqlUpdate("""
      UPDATE agents SET name = :name, email = :email, phone = :phone, role = :role, shift_hours = :shiftHours,
                        notify_by = :notifyBy, max_open_tasks = :maxOpenTasks, available = :available
      WHERE dealership_id = :dealershipId AND id = :id
      """)
  int update(@BindMethods AgentRow agent);

  /** An agent (alias a) with its round-robin turn, which lives in agent_turns (see V20). */
  String AGENTS = " agents a LEFT JOIN agent_turns turn ON turn.agent_id = a.id ";
  String AGENT_COLUMNS = " a.*, turn.last_assigned_at ";

  @SqlQuery("SELECT" + AGENT_COLUMNS + "FROM" + AGENTS + "WHERE a.dealership_id = :dealershipId AND a.id = :id")
  Optional<AgentRow> findById(long dealershipId, long id);

  @SqlQuery("SELECT" + AGENT_COLUMNS + "FROM" + AGENTS + "WHERE a.dealership_id = :dealershipId ORDER BY a.id")
  List<AgentRow> listAll(long dealershipId);

  @SqlQuery("SELECT" + AGENT_COLUMNS + "FROM" + AGENTS + """
      WHERE a.dealership_id = :dealershipId AND a.role = :role AND a.active
      ORDER BY a.id
      """)
  List<AgentRow> listActive(long dealershipId, AgentRole role);

  @SqlUpdate("UPDATE agents SET active = :active WHERE dealership_id = :dealershipId AND id = :id")
  int setActive(long dealershipId, long id, boolean active);

  /**
   * The dealership's active agents (role AGENT) with the number of tasks each still has to do, in one
   * query. Read without locks: the turn is then taken with {@link #takeTurn}, which fails if someone else
   * took it.
   */
  @SqlQuery("SELECT" + AGENT_COLUMNS + """
      ,      (SELECT COUNT(*) FROM tasks t
              WHERE t.agent_id = a.id AND t.status IN ('OPEN', 'OVERDUE')) AS open_tasks
      FROM""" + AGENTS + """
      WHERE a.dealership_id = :dealershipId AND a.role = 'AGENT' AND a.active
      ORDER BY a.id
      """)
  @UseRowMapper(AgentLoadMapper.class)
  List<AgentLoad> loadsForAssignment(long dealershipId);

  /** An agents row and its open_tasks count. */
  final class AgentLoadMapper implements RowMapper<AgentLoad> {
    @Override
    public AgentLoad map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new AgentLoad(ctx.findRowMapperFor(AgentRow.class).orElseThrow().map(rs, ctx), rs.getInt("open_tasks"));
    }
  }

  /**
   * Takes the agent's round-robin turn: stamps last_assigned_at only if it still holds what the caller
   * read (null: the agent never had a turn), so of two concurrent assignments to the same agent one wins
   * (1) and the other (0) picks again.
   */
  default int takeTurn(long agentId, Instant seen, Instant at) {
    return seen == null ? takeFirstTurn(agentId, at) : takeNextTurn(agentId, seen, at);
  }

  /** Use {@link #takeTurn}: the agent's first turn, won by the one insert that finds no row. */
  @SqlUpdate("INSERT IGNORE INTO agent_turns (agent_id, last_assigned_at) VALUES (:agentId, :at)")
  int takeFirstTurn(long agentId, Instant at);

  /** Use {@link #takeTurn}. */
  @SqlUpdate("UPDATE agent_turns SET last_assigned_at = :at WHERE agent_id = :agentId AND last_assigned_at = :seen")
  int takeNextTurn(long agentId, Instant seen, Instant at);


  // ---- agents' own tokens ---------------------------------------------------------------------

  @SqlUpdate("INSERT INTO agent_tokens (agent_id, token_hash) VALUES (:agentId, :tokenHash)")
  @GetGeneratedKeys("id")
  long insertToken(long agentId, String tokenHash);

  /** The active agent owning a token that has not been revoked. */
  @SqlQuery("""
      SELECT""" + AGENT_COLUMNS + "FROM" + AGENTS + """
      JOIN agent_tokens t ON t.agent_id = a.id
      WHERE t.token_hash = :tokenHash AND t.revoked_at IS NULL AND a.active
      """)
  Optional<AgentRow> findByTokenHash(String tokenHash);

  /** Revokes every token of the agent; returns how many were live. */
  @SqlUpdate("""
      UPDATE agent_tokens SET revoked_at = CURRENT_TIMESTAMP(3)
      WHERE agent_id = :agentId AND revoked_at IS NULL
      """)
  int revokeTokens(long agentId);
}
