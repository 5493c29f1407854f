package com.leadcadence.store.dao;

import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.NewAgent;
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

/** A dealership's agents and managers; every lookup is scoped to the dealership. */
@RegisterConstructorMapper(AgentRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface AgentDao extends SqlObject {

  @SqlUpdate("""
      INSERT INTO agents (dealership_id, name, email, phone, role)
      VALUES (:dealershipId, :name, :email, :phone, :role)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewAgent agent);

  @SqlQuery("SELECT * FROM agents WHERE dealership_id = :dealershipId AND id = :id")
  Optional<AgentRow> findById(long dealershipId, long id);

  @SqlQuery("""
      SELECT * FROM agents
      WHERE dealership_id = :dealershipId AND role = :role AND active
      ORDER BY id
      """)
  List<AgentRow> listActive(long dealershipId, AgentRole role);

  @SqlUpdate("UPDATE agents SET active = :active WHERE dealership_id = :dealershipId AND id = :id")
  int setActive(long dealershipId, long id, boolean active);

  /**
   * Round robin by load: the active AGENT with the fewest leads still in a running cadence
   * (STARTING, ACTIVE, PAUSED), the lowest id on a tie.
   */
  @SqlQuery("""
      SELECT a.* FROM agents a
      WHERE a.dealership_id = :dealershipId AND a.role = 'AGENT' AND a.active
      ORDER BY (SELECT COUNT(*) FROM leads l
                WHERE l.assigned_agent_id = a.id AND l.status IN ('STARTING', 'ACTIVE', 'PAUSED')),
               a.id
      LIMIT 1
      """)
  Optional<AgentRow> nextAgentForAssignment(long dealershipId);
}
