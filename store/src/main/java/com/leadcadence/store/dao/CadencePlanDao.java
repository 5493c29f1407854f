package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.CadencePlanRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A dealership's own cadence plans, every version kept. */
@RegisterConstructorMapper(CadencePlanRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface CadencePlanDao {

  /**
   * Stores the plan as the next version of its name: one past the latest stored, or past {@code after} (the
   * default plan's version) for the first. Two writers at once: one of them breaks the unique key and
   * stores nothing.
   */
  @SqlUpdate("""
      INSERT INTO cadence_plans (dealership_id, name, version, body)
      SELECT :dealershipId, :name, GREATEST(COALESCE(MAX(version), 0), :after) + 1, :body
      FROM cadence_plans WHERE dealership_id = :dealershipId AND name = :name
      """)
  void insertNextVersion(long dealershipId, String name, int after, String body);

  /** The latest version of each of the dealership's plans, by name. */
  @SqlQuery("""
      SELECT p.* FROM cadence_plans p
      JOIN (SELECT name, MAX(version) AS version FROM cadence_plans WHERE dealership_id = :dealershipId
            GROUP BY name) latest ON latest.name = p.name AND latest.version = p.version
      WHERE p.dealership_id = :dealershipId ORDER BY p.name
      """)
  List<CadencePlanRow> latest(long dealershipId);

  @SqlQuery("SELECT * FROM cadence_plans WHERE dealership_id = :dealershipId AND name = :name AND version = :version")
  Optional<CadencePlanRow> find(long dealershipId, String name, int version);

  /** Every stored version of the plan, oldest first. */
  @SqlQuery("SELECT * FROM cadence_plans WHERE dealership_id = :dealershipId AND name = :name ORDER BY version")
  List<CadencePlanRow> versions(long dealershipId, String name);
}
