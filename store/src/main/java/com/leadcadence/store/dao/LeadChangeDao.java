package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.rows.LeadChangeKind;
import com.leadcadence.store.rows.LeadChangeRow;
import com.leadcadence.workflows.model.Grade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The lead changes no other table keeps (lead_changes), for the lead's timeline. */
@RegisterConstructorMapper(LeadChangeRow.class)
@RegisterConstructorMapper(LeadChangeDao.LeadScore.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface LeadChangeDao extends SqlObject {

  /**
   * Sets the lead's score and grade, and records what changed (a SCORE row, and a GRADE row when the
   * grade moved) in the same transaction. A retried call finds the score already set and records nothing.
   */
  @Transaction
  default void updateScore(long leadId, int score, Grade grade, String cause, Instant at) {
    Optional<LeadScore> before = lockScore(leadId);
    SharedDaos.on(getHandle(), LeadDao.class).updateScore(leadId, score, grade);
    if (before.isEmpty()) {
      return;
    }
    if (before.get().score() != score) {
      insert(leadId, LeadChangeKind.SCORE, String.valueOf(before.get().score()), String.valueOf(score), cause, null, at);
    }
    if (!before.get().grade().equals(grade.name())) {
      insert(leadId, LeadChangeKind.GRADE, before.get().grade(), grade.name(), cause, null, at);
    }
  }

  /** The score and grade a lead's row holds. */
  record LeadScore(int score, String grade) {}

  @SqlQuery("SELECT score, grade FROM leads WHERE id = :leadId FOR UPDATE")
  Optional<LeadScore> lockScore(long leadId);

  /**
   * A pause or resume the lead's workflow accepted; nothing when the lead's last such change is already
   * of this kind (a repeated request, which the workflow ignores too).
   */
  @Transaction
  default void recordPauseChange(long leadId, LeadChangeKind kind, String cause, String detail, Instant at) {
    Optional<LeadChangeKind> last = lastPauseChange(leadId);
    boolean repeated = last.map(k -> k == kind).orElse(kind == LeadChangeKind.RESUMED);
    if (!repeated) {
      insert(leadId, kind, null, null, cause, detail, at);
    }
  }

  /**
   * The lead now runs plan {@code to} ("standard v2"): its row says so and its timeline gets a PLAN change,
   * once (a retried write at the same instant finds the change there).
   */
  default void recordPlanSwitch(long leadId, String from, String toName, int toVersion, String cause, String detail,
      Instant at) {
    SharedDaos.on(getHandle(), LeadDao.class).recordPlan(leadId, toName, toVersion);
    String to = toName + " v" + toVersion;
    if (countPlanChange(leadId, to, at) == 0) {
      insert(leadId, LeadChangeKind.PLAN, from, to, cause, detail, at);
    }
  }

  @SqlQuery("""
      SELECT COUNT(*) FROM lead_changes
      WHERE lead_id = :leadId AND kind = 'PLAN' AND to_value = :to AND occurred_at = :at
      """)
  int countPlanChange(long leadId, String to, Instant at);

  @SqlQuery("""
      SELECT kind FROM lead_changes WHERE lead_id = :leadId AND kind IN ('PAUSED', 'RESUMED')
      ORDER BY occurred_at DESC, id DESC LIMIT 1 FOR UPDATE
      """)
  Optional<LeadChangeKind> lastPauseChange(long leadId);

  @SqlUpdate("""
      INSERT INTO lead_changes (lead_id, kind, from_value, to_value, cause, detail, occurred_at)
      VALUES (:leadId, :kind, :fromValue, :toValue, :cause, :detail, :at)
      """)
  void insert(long leadId, LeadChangeKind kind, String fromValue, String toValue, String cause, String detail,
      Instant at);

  @SqlQuery("SELECT * FROM lead_changes WHERE lead_id = :leadId ORDER BY occurred_at, id")
  List<LeadChangeRow> listByLead(long leadId);
}
