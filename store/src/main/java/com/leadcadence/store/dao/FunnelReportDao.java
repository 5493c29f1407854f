package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.rows.AtRiskLead;
import com.leadcadence.store.rows.FunnelCounts;
import com.leadcadence.store.rows.FunnelGroupRow;
import com.leadcadence.store.rows.SpeedToLeadCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Managers' reports over the leads a dealership received in [from, to), counted in SQL. Every report
 * starts from {@link #LEAD_FACTS}: one row per lead with what its touches, outcomes, tasks, e-mail
 * engagement and opt-outs say about it, each read through an index that starts with the lead id.
 * Durations are milliseconds from receipt (leads.created_at). Percentiles are by nearest rank: of n
 * values in ascending order the p-th percentile is the value at rank ceil(p * n) (the median is the
 * lower middle value when n is even). DUPLICATE leads (repeats of an open lead, never worked) are left out.
 */
@RegisterArgumentFactory(InstantArgumentFactory.class)
@RegisterConstructorMapper(FunnelCounts.class)
@RegisterConstructorMapper(SpeedToLeadCounts.class)
@RegisterConstructorMapper(AtRiskLead.class)
public interface FunnelReportDao {

  /** A message the provider took: sent, delivered, or failed later (a bounce) after it was taken. */
  String SENT = "(t.provider IS NOT NULL AND t.status IN ('SENT', 'DELIVERED', 'FAILED'))";
  /** Outcomes an agent reports after trying to reach the lead: each one is an attempt. */
  String ATTEMPT_OUTCOMES = "('CONTACTED', 'NO_ANSWER', 'LEFT_VOICEMAIL', 'APPOINTMENT_SET', 'WRONG_NUMBER', "
      + "'NOT_INTERESTED')";
  /** Outcomes that mean a person spoke with the lead (as LeadRecordActivitiesImpl stamps first contact). */
  String CONTACT_OUTCOMES = "('CONTACTED', 'APPOINTMENT_SET', 'SOLD', 'NOT_INTERESTED')";
  /** The leads of the report (alias rl), as each per-lead aggregate restricts itself to them. */
  String IN_RANGE = " rl.dealership_id = :dealershipId AND rl.created_at >= :from AND rl.created_at < :to"
      + " AND rl.status <> 'DUPLICATE' ";

  String LEAD_FACTS = """
      WITH touch_facts AS (
        SELECT t.lead_id,
               MIN(CASE WHEN """ + SENT + """
       THEN t.performed_at END) AS first_sent_at,
               SUBSTRING(MIN(CASE WHEN """ + SENT + """
       THEN CONCAT(LPAD(CAST(UNIX_TIMESTAMP(t.performed_at) * 1000 AS UNSIGNED), 15, '0'), t.channel) END), 16)
                 AS first_sent_channel,
               SUBSTRING(MAX(CONCAT(LPAD(t.step_index, 6, '0'), t.step_id)), 7) AS last_step,
               SUM(t.channel = 'EMAIL' AND """ + SENT + """
      ) AS emails_sent,
               SUM(t.channel = 'SMS' AND """ + SENT + """
      ) AS texts_sent,
               SUM(t.channel = 'VOICEMAIL' AND """ + SENT + """
      ) AS voicemails_sent,
               SUM(t.channel IN ('EMAIL', 'SMS') AND t.status = 'FAILED' AND t.provider IS NOT NULL) AS messages_failed
        FROM leads rl JOIN touches t FORCE INDEX (ix_touches_report) ON t.lead_id = rl.id
        WHERE""" + IN_RANGE + """
        GROUP BY t.lead_id
      ),
      outcome_facts AS (
        SELECT o.lead_id,
               MIN(CASE WHEN o.type IN """ + ATTEMPT_OUTCOMES + """
       THEN o.recorded_at END) AS first_call_at,
               SUM(o.type IN """ + ATTEMPT_OUTCOMES + """
      ) AS calls_reported,
               MAX(o.type IN ('APPOINTMENT_SET', 'SOLD')) AS appointment,
               MAX(o.type = 'SOLD') AS sold
        FROM leads rl JOIN lead_outcomes o FORCE INDEX (ix_lead_outcomes_report) ON o.lead_id = rl.id
        WHERE""" + IN_RANGE + """
        GROUP BY o.lead_id
      ),
      task_facts AS (
        SELECT k.lead_id,
               SUM(k.kind = 'CALL') AS call_tasks,
               SUM(k.kind = 'CALL' AND k.outcome IN """ + CONTACT_OUTCOMES + """
      ) AS calls_answered,
               SUM(k.kind = 'LEAD_REPLIED') AS text_replies,
               SUM(k.kind = 'CALL_BACK_NOW') AS voicemail_callbacks
        FROM leads rl JOIN tasks k FORCE INDEX (ix_tasks_report) ON k.lead_id = rl.id
        WHERE""" + IN_RANGE + """
        GROUP BY k.lead_id
      ),
      engagement_facts AS (
        SELECT e.lead_id, COUNT(DISTINCT SUBSTRING_INDEX(e.event_id, ':', -1)) AS emails_engaged
        FROM leads rl JOIN provider_events e FORCE INDEX (ix_provider_events_lead) ON e.lead_id = rl.id
        WHERE""" + IN_RANGE + """
          AND e.provider = 'sendgrid-engagement' AND e.event_type IN ('EMAIL_OPEN', 'EMAIL_CLICK')
        GROUP BY e.lead_id
      ),
      joined AS (
        SELECT rl.id, rl.source, rl.grade, rl.assigned_agent_id AS agent_id, rl.created_at AS received_at,
               rl.first_contact_at, tf.first_sent_at, tf.first_sent_channel, tf.last_step, oc.first_call_at,
               COALESCE(tf.emails_sent, 0) AS emails_sent, COALESCE(tf.texts_sent, 0) AS texts_sent,
               COALESCE(tf.voicemails_sent, 0) AS voicemails_sent,
               COALESCE(tf.messages_failed, 0) AS messages_failed,
               COALESCE(oc.calls_reported, 0) AS calls_reported,
               COALESCE(oc.appointment, 0) AS appointment, COALESCE(oc.sold, 0) AS sold,
               COALESCE(kf.call_tasks, 0) AS call_tasks, COALESCE(kf.calls_answered, 0) AS calls_answered,
               COALESCE(kf.text_replies, 0) AS text_replies,
               COALESCE(kf.voicemail_callbacks, 0) AS voicemail_callbacks,
               COALESCE(ef.emails_engaged, 0) AS emails_engaged,
               (EXISTS (SELECT 1 FROM opt_outs x WHERE x.dealership_id = rl.dealership_id AND x.address = rl.phone
                          AND x.created_at >= rl.created_at)
                OR EXISTS (SELECT 1 FROM opt_outs x WHERE x.dealership_id = rl.dealership_id AND x.address = rl.email
                          AND x.created_at >= rl.created_at)) AS opted_out
        FROM leads rl
        LEFT JOIN touch_facts tf ON tf.lead_id = rl.id
        LEFT JOIN outcome_facts oc ON oc.lead_id = rl.id
        LEFT JOIN task_facts kf ON kf.lead_id = rl.id
        LEFT JOIN engagement_facts ef ON ef.lead_id = rl.id
        WHERE""" + IN_RANGE + """
      ),
      lead_facts AS (
        SELECT j.*,
               CASE WHEN j.first_sent_at IS NULL AND j.first_call_at IS NULL THEN NULL
                    WHEN j.first_sent_at IS NULL OR j.first_call_at < j.first_sent_at
                      THEN GREATEST(0, CAST((UNIX_TIMESTAMP(j.first_call_at) - UNIX_TIMESTAMP(j.received_at)) * 1000 AS SIGNED))
                    ELSE GREATEST(0, CAST((UNIX_TIMESTAMP(j.first_sent_at) - UNIX_TIMESTAMP(j.received_at)) * 1000 AS SIGNED))
               END AS response_ms,
               CASE WHEN j.first_contact_at IS NULL THEN NULL
                    ELSE GREATEST(0, CAST((UNIX_TIMESTAMP(j.first_contact_at) - UNIX_TIMESTAMP(j.received_at)) * 1000 AS SIGNED))
               END AS contact_ms,
               CASE WHEN j.first_sent_at IS NULL AND j.first_call_at IS NULL THEN NULL
                    WHEN j.first_sent_at IS NULL OR j.first_call_at < j.first_sent_at THEN 'CALL'
                    ELSE j.first_sent_channel
               END AS first_attempt_channel
        FROM joined j
      )
      """;

  /**
   * The funnel per group (define groupKey: FunnelGrouping.sqlExpression). Each row also carries the
   * whole period's percentiles where the value at the overall rank lies in that group (null elsewhere),
   * so that one pass over the leads gives the total too: its counts are the groups' sums.
   */
  String FUNNEL = LEAD_FACTS + """
      , keyed AS (
        -- only what the ranks and sums below read: the window functions sort whole rows, and leaving the
        -- lead's strings and times out made the report a fifth to a third faster (bench/funnel-report)
        SELECT <groupKey> AS group_key, f.response_ms, f.contact_ms, f.appointment, f.sold, f.emails_sent,
               f.texts_sent, f.voicemails_sent, f.calls_reported, f.emails_engaged, f.text_replies, f.call_tasks,
               f.calls_answered, f.voicemail_callbacks, f.messages_failed, f.opted_out
        FROM lead_facts f
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

  String SPEED_TO_LEAD = LEAD_FACTS + """
      , ranked AS (
        SELECT response_ms,
               ROW_NUMBER() OVER (PARTITION BY response_ms IS NULL ORDER BY response_ms) AS response_rank,
               COUNT(response_ms) OVER () AS responses
        FROM lead_facts
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
    List<FunnelGroupRow> groups = grouping == FunnelGrouping.VARIANT
        ? funnelGroupsAtStep(dealershipId, from, to, grouping.sqlExpression(), variantStep)
        : funnelGroups(dealershipId, from, to, grouping.sqlExpression());
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
  @SqlQuery(SPEED_TO_LEAD)
  SpeedToLeadCounts speedToLead(long dealershipId, Instant from, Instant to);

  /**
   * Running leads (STARTING, ACTIVE) nobody has reached yet whose first-call deadline passed before
   * now, most overdue first: the deadline is the earliest due time of the lead's CALL tasks, or five
   * minutes after receipt while it has none. agentId, when given, keeps that agent's leads only.
   */
  @SqlQuery(AT_RISK)
  List<AtRiskLead> atRisk(long dealershipId, Long agentId, Instant now, int limit);
}
