package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.reports.ReportFactsRefresh;
import com.leadcadence.store.rows.AtRiskLead;
import com.leadcadence.store.rows.FunnelCounts;
import com.leadcadence.store.rows.FunnelGroupRow;
import com.leadcadence.store.rows.SpeedToLeadCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Managers' reports over the leads a dealership received in [from, to), counted in SQL over the leads'
 * report facts (lead_report_facts, see LeadReportFactsDao: one row per lead with what its touches,
 * outcomes, tasks, e-mail engagement and opt-outs say about it) through (dealership_id, received_at).
 * Each report first refreshes the facts of the dealership's leads marked dirty (ReportFactsRefresh), so
 * it counts every write committed before it started. Durations are milliseconds from receipt
 * (leads.created_at). Percentiles are by nearest rank: of n values in ascending order the p-th percentile
 * is the value at rank ceil(p * n) (the median is the lower middle value when n is even). DUPLICATE leads
 * (repeats of an open lead, never worked) have no facts, so they are left out.
 */
@RegisterArgumentFactory(InstantArgumentFactory.class)
@RegisterConstructorMapper(FunnelCounts.class)
@RegisterConstructorMapper(SpeedToLeadCounts.class)
@RegisterConstructorMapper(AtRiskLead.class)
public interface FunnelReportDao extends SqlObject {

  /** The facts of the report: the dealership's leads received in [from, to) (alias f). */
  String FACTS_IN_RANGE = " lead_report_facts f"
      + " WHERE f.dealership_id = :dealershipId AND f.received_at >= :from AND f.received_at < :to\n";

  /**
   * The funnel per group (define groupKey: FunnelGrouping.sqlExpression). Each row also carries the
   * whole period's percentiles where the value at the overall rank lies in that group (null elsewhere),
   * so that one pass over the leads gives the total too: its counts are the groups' sums.
   */
  String FUNNEL = """
      WITH keyed AS (
        -- only what the ranks and sums below read: the window functions sort whole rows, and leaving the
        -- lead's strings and times out made the report a fifth to a third faster (bench/funnel-report)
        -- the key compared byte by byte (sources are stored lower-case, steps and channels are ids): the
        -- sorts by group no longer weigh characters by the Unicode collation (a year by source 0.81 -> 0.75 s)
        SELECT <groupKey> COLLATE utf8mb4_bin AS group_key, f.response_ms, f.contact_ms, f.appointment, f.sold, f.emails_sent,
               f.texts_sent, f.voicemails_sent, f.calls_reported, f.emails_engaged, f.text_replies, f.call_tasks,
               f.calls_answered, f.voicemail_callbacks, f.messages_failed, f.opted_out
        FROM """ + FACTS_IN_RANGE + """
      ),
      ranked AS (
        SELECT keyed.*,
               ROW_NUMBER() OVER (PARTITION BY group_key, response_ms IS NULL ORDER BY response_ms) AS response_rank,
               COUNT(response_ms) OVER (PARTITION BY group_key) AS responses,
               ROW_NUMBER() OVER (PARTITION BY group_key, contact_ms IS NULL ORDER BY contact_ms) AS contact_rank,
               COUNT(contact_ms) OVER (PARTITION BY group_key) AS contacts,
               ROW_NUMBER() OVER (PARTITION BY response_ms IS NULL ORDER BY response_ms) AS overall_response_rank,
               COUNT(response_ms) OVER () AS overall_responses,
               ROW_NUMBER() OVER (PARTITION BY contact_ms IS NULL ORDER BY contact_ms) AS overall_contact_rank,
               COUNT(contact_ms) OVER () AS overall_contacts
        FROM keyed
      )
      SELECT FALSE AS total, group_key, COUNT(*) AS leads,
             MIN(CASE WHEN response_ms IS NOT NULL AND response_rank = CEIL(responses * 0.5) THEN response_ms END)
               AS response_median_ms,
             MIN(CASE WHEN response_ms IS NOT NULL AND response_rank = CEIL(responses * 0.9) THEN response_ms END)
               AS response_p90_ms,
             MIN(CASE WHEN contact_ms IS NOT NULL AND contact_rank = CEIL(contacts * 0.5) THEN contact_ms END)
               AS contact_median_ms,
             MIN(CASE WHEN contact_ms IS NOT NULL AND contact_rank = CEIL(contacts * 0.9) THEN contact_ms END)
               AS contact_p90_ms,
             SUM(response_ms IS NOT NULL AND response_ms <= 300000) AS attempted_within_5_min,
             SUM(contact_ms IS NOT NULL) AS contacted,
             SUM(appointment) AS appointments,
             SUM(sold) AS sold,
             SUM(emails_sent + texts_sent + voicemails_sent + calls_reported) AS attempts,
             SUM(emails_sent) AS emails_sent,
             SUM(LEAST(emails_engaged, emails_sent)) AS emails_engaged,
             SUM(texts_sent) AS texts_sent,
             SUM(LEAST(text_replies, texts_sent)) AS texts_replied,
             SUM(call_tasks) AS call_tasks,
             SUM(calls_answered) AS calls_answered,
             SUM(voicemails_sent) AS voicemails_sent,
             SUM(LEAST(voicemail_callbacks, voicemails_sent)) AS voicemail_callbacks,
             SUM(messages_failed) AS messages_failed,
             SUM(opted_out) AS opted_out,
             MIN(CASE WHEN response_ms IS NOT NULL AND overall_response_rank = CEIL(overall_responses * 0.5)
                 THEN response_ms END) AS overall_response_median_ms,
             MIN(CASE WHEN response_ms IS NOT NULL AND overall_response_rank = CEIL(overall_responses * 0.9)
                 THEN response_ms END) AS overall_response_p90_ms,
             MIN(CASE WHEN contact_ms IS NOT NULL AND overall_contact_rank = CEIL(overall_contacts * 0.5)
                 THEN contact_ms END) AS overall_contact_median_ms,
             MIN(CASE WHEN contact_ms IS NOT NULL AND overall_contact_rank = CEIL(overall_contacts * 0.9)
                 THEN contact_ms END) AS overall_contact_p90_ms
      FROM ranked
      GROUP BY group_key
      ORDER BY leads DESC, group_key
      """;

  String SPEED_TO_LEAD = """
      WITH ranked AS (
        SELECT f.response_ms,
               ROW_NUMBER() OVER (PARTITION BY f.response_ms IS NULL ORDER BY f.response_ms) AS response_rank,
               COUNT(f.response_ms) OVER () AS responses
        FROM """ + FACTS_IN_RANGE + """
      )
      SELECT COUNT(*) AS leads,
             COALESCE(SUM(response_ms IS NULL), 0) AS not_yet_attempted,
             COALESCE(SUM(response_ms <= 60000), 0) AS up_to_1_min,
             COALESCE(SUM(response_ms > 60000 AND response_ms <= 300000), 0) AS up_to_5_min,
             COALESCE(SUM(response_ms > 300000 AND response_ms <= 900000), 0) AS up_to_15_min,
             COALESCE(SUM(response_ms > 900000 AND response_ms <= 3600000), 0) AS up_to_1_hour,
             COALESCE(SUM(response_ms > 3600000 AND response_ms <= 86400000), 0) AS up_to_1_day,
             COALESCE(SUM(response_ms > 86400000), 0) AS beyond_1_day,
             MIN(CASE WHEN response_ms IS NOT NULL AND response_rank = CEIL(responses * 0.5) THEN response_ms END)
               AS median_ms,
             MIN(CASE WHEN response_ms IS NOT NULL AND response_rank = CEIL(responses * 0.9) THEN response_ms END)
               AS p90_ms
      FROM ranked
      """;

  String AT_RISK = """
      SELECT * FROM (
        SELECT l.id AS lead_id, l.first_name, l.last_name, l.grade, l.source, l.assigned_agent_id AS agent_id,
               a.name AS agent_name, l.created_at AS received_at,
               COALESCE((SELECT MIN(k.due_at) FROM tasks k FORCE INDEX (ix_tasks_report) WHERE k.lead_id = l.id AND k.kind = 'CALL'),
                        l.created_at + INTERVAL 5 MINUTE) AS sla_due_at
        FROM leads l
        LEFT JOIN agents a ON a.id = l.assigned_agent_id
        WHERE l.dealership_id = :dealershipId AND l.status IN ('STARTING', 'ACTIVE') AND l.first_contact_at IS NULL
          AND (:agentId IS NULL OR l.assigned_agent_id = :agentId)
      ) open_leads
      WHERE sla_due_at < :now
      ORDER BY sla_due_at, lead_id
      LIMIT :limit
      """;

  /** Use {@link #funnel}, which adds the total. */
  @SqlQuery(FUNNEL)
  @RegisterConstructorMapper(FunnelGroupRow.class)
  List<FunnelGroupRow> funnelGroups(long dealershipId, Instant from, Instant to, @Define("groupKey") String groupKey);

  /** Use {@link #funnel}: the funnel grouped by the leads' variant at step variantStep. */
  @SqlQuery(FUNNEL)
  @RegisterConstructorMapper(FunnelGroupRow.class)
  List<FunnelGroupRow> funnelGroupsAtStep(long dealershipId, Instant from, Instant to,
      @Define("groupKey") String groupKey, String variantStep);

  /**
   * The funnel per group (when grouping is not NONE), largest first, then the total (always there, zero
   * for a period without leads). Not for VARIANT, which needs its step.
   */
  default List<FunnelCounts> funnel(long dealershipId, Instant from, Instant to, FunnelGrouping grouping) {
    return funnel(dealershipId, from, to, grouping, null);
  }

  /**
   * The funnel per group, as above; variantStep: the step whose variants group the leads (required for
   * VARIANT, and only then).
   */
  default List<FunnelCounts> funnel(long dealershipId, Instant from, Instant to, FunnelGrouping grouping,
      String variantStep) {
    if ((grouping == FunnelGrouping.VARIANT) != (variantStep != null)) {
      throw new IllegalArgumentException("a step goes with the VARIANT grouping, and only with it");
    }
    refreshFacts(dealershipId);
    List<FunnelGroupRow> groups = withRoomForRanks(() -> grouping == FunnelGrouping.VARIANT
        ? funnelGroupsAtStep(dealershipId, from, to, grouping.sqlExpression(), variantStep)
        : funnelGroups(dealershipId, from, to, grouping.sqlExpression()));
    if (grouping == FunnelGrouping.NONE) {
      // The one group is the total. (Its "overall" contact percentiles came out null on MariaDB 10.11
      // when every partition key is the same constant, so the group's own are used.)
      return List.of(groups.isEmpty() ? FunnelGroupRow.total(groups) : groups.get(0).counts().asTotal());
    }
    List<FunnelCounts> rows = new ArrayList<>();
    groups.forEach(g -> rows.add(g.counts()));
    rows.add(FunnelGroupRow.total(groups));
    return rows;
  }

  /** Time from receipt to first attempt, bucketed, with its median and 90th percentile. */
  default SpeedToLeadCounts speedToLead(long dealershipId, Instant from, Instant to) {
    refreshFacts(dealershipId);
    return withRoomForRanks(() -> speedToLeadOfFacts(dealershipId, from, to));
  }

  /**
   * In-memory room for one report's ranking tables: a year of a large dealership's leads, grouped by a
   * string, outgrew MariaDB's default 16 MiB for in-memory temporary tables and went to disk, which made
   * the report about twice as slow (bench/funnel-report). Set for this statement's session only, and put
   * back to the server's default after it.
   */
  long RANKS_TEMP_TABLE_BYTES = 64L << 20;

  private <T> T withRoomForRanks(Supplier<T> report) {
    roomForTempTables(RANKS_TEMP_TABLE_BYTES);
    try {
      return report.get();
    } finally {
      defaultRoomForTempTables();
    }
  }

  /** Use {@link #withRoomForRanks}. */
  @SqlUpdate("SET SESSION tmp_table_size = :bytes, max_heap_table_size = :bytes")
  void roomForTempTables(long bytes);

  /** Use {@link #withRoomForRanks}. */
  @SqlUpdate("SET SESSION tmp_table_size = DEFAULT, max_heap_table_size = DEFAULT")
  void defaultRoomForTempTables();

  /** Use {@link #speedToLead}, which refreshes the facts first. */
  @SqlQuery(SPEED_TO_LEAD)
  SpeedToLeadCounts speedToLeadOfFacts(long dealershipId, Instant from, Instant to);

  /** Brings the facts of the dealership's leads marked dirty up to date; returns how many were refreshed. */
  default int refreshFacts(long dealershipId) {
    return new ReportFactsRefresh(getHandle()).refreshDealership(dealershipId);
  }

  /**
   * Running leads (STARTING, ACTIVE) nobody has reached yet whose first-call deadline passed before
   * now, most overdue first: the deadline is the earliest due time of the lead's CALL tasks, or five
   * minutes after receipt while it has none. agentId, when given, keeps that agent's leads only.
   */
  @SqlQuery(AT_RISK)
  List<AtRiskLead> atRisk(long dealershipId, Long agentId, Instant now, int limit);
}
