package com.leadcadence.store.dao;

import com.leadcadence.store.rows.DirtyLead;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The funnel reports' per-lead facts (table lead_report_facts, V19): what a lead's touches, outcomes,
 * tasks, e-mail engagement and opt-outs say about it, computed by {@link #LEAD_FACTS} for the leads the
 * triggers marked dirty (lead_report_facts_dirty). Each aggregate reads an index that starts with the lead
 * id (V11). Durations are milliseconds from receipt (leads.created_at). Use ReportFactsRefresh, which
 * takes the marks in batches under a lock; these are its steps.
 */
@RegisterConstructorMapper(DirtyLead.class)
public interface LeadReportFactsDao {

  /** A message the provider took: sent, delivered, or failed later (a bounce) after it was taken. */
  String SENT = "(t.provider IS NOT NULL AND t.status IN ('SENT', 'DELIVERED', 'FAILED'))";
  /** Outcomes an agent reports after trying to reach the lead: each one is an attempt. */
  String ATTEMPT_OUTCOMES = "('CONTACTED', 'NO_ANSWER', 'LEFT_VOICEMAIL', 'APPOINTMENT_SET', 'WRONG_NUMBER', "
      + "'NOT_INTERESTED')";
  /** Outcomes that mean a person spoke with the lead (as LeadRecordActivitiesImpl stamps first contact). */
  String CONTACT_OUTCOMES = "('CONTACTED', 'APPOINTMENT_SET', 'SOLD', 'NOT_INTERESTED')";
  /**
   * The leads whose facts are computed (alias rl), bound as the list leadIds: the one predicate every
   * per-lead aggregate below restricts itself with. A DUPLICATE lead has no facts.
   */
  String OF_LEADS = " rl.id IN (<leadIds>) AND rl.status <> 'DUPLICATE' ";

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
        WHERE""" + OF_LEADS + """
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
        WHERE""" + OF_LEADS + """
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
        WHERE""" + OF_LEADS + """
        GROUP BY k.lead_id
      ),
      engagement_facts AS (
        SELECT e.lead_id, COUNT(DISTINCT SUBSTRING_INDEX(e.event_id, ':', -1)) AS emails_engaged
        FROM leads rl JOIN provider_events e FORCE INDEX (ix_provider_events_lead) ON e.lead_id = rl.id
        WHERE""" + OF_LEADS + """
          AND e.provider = 'sendgrid-engagement' AND e.event_type IN ('EMAIL_OPEN', 'EMAIL_CLICK')
        GROUP BY e.lead_id
      ),
      joined AS (
        SELECT rl.id, rl.dealership_id, rl.source, rl.grade, rl.assigned_agent_id AS agent_id, rl.created_at AS received_at,
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
        WHERE""" + OF_LEADS + """
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

  /** The columns of lead_report_facts: those of lead_facts. */
  String COLUMNS = """
      id, dealership_id, received_at, source, grade, agent_id, first_contact_at, first_sent_at, first_sent_channel,
      last_step, first_call_at, emails_sent, texts_sent, voicemails_sent, messages_failed, calls_reported,
      appointment, sold, call_tasks, calls_answered, text_replies, voicemail_callbacks, emails_engaged, opted_out,
      response_ms, contact_ms, first_attempt_channel""";

  /** The newest mark's id (0 without marks): a pass takes the marks up to it, so it ends while writes go on. */
  @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM lead_report_facts_dirty")
  long lastMarkId();

  /** The marks of the dealership's leads in (after, upTo], oldest first. */
  @SqlQuery("""
      SELECT d.id AS mark_id, d.lead_id FROM lead_report_facts_dirty d JOIN leads l ON l.id = d.lead_id
      WHERE l.dealership_id = :dealershipId AND d.id > :after AND d.id <= :upTo
      ORDER BY d.id LIMIT :limit
      """)
  List<DirtyLead> dirtyLeadsOf(long dealershipId, long after, long upTo, int limit);

  /** The dealerships with dirty leads. */
  @SqlQuery("""
      SELECT DISTINCT l.dealership_id FROM lead_report_facts_dirty d JOIN leads l ON l.id = d.lead_id
      ORDER BY l.dealership_id
      """)
  List<Long> dealershipsWithDirtyLeads();

  /** Marks in (after, upTo] of leads that no longer exist: their facts are only to be deleted. */
  @SqlQuery("""
      SELECT d.id AS mark_id, d.lead_id FROM lead_report_facts_dirty d LEFT JOIN leads l ON l.id = d.lead_id
      WHERE l.id IS NULL AND d.id > :after AND d.id <= :upTo
      ORDER BY d.id LIMIT :limit
      """)
  List<DirtyLead> dirtyLeadsGone(long after, long upTo, int limit);

  /**
   * Every committed mark of these leads up to upTo, not just those of a batch: a lead written ten times
   * has ten marks, and one computation of its facts settles them all.
   */
  @SqlQuery("SELECT id FROM lead_report_facts_dirty WHERE lead_id IN (<leadIds>) AND id <= :upTo")
  List<Long> marksOf(@BindList("leadIds") List<Long> leadIds, long upTo);

  /** Computes and writes the facts of these leads (those that are not DUPLICATE); returns rows written. */
  @SqlUpdate("REPLACE INTO lead_report_facts (" + COLUMNS + ")\n" + LEAD_FACTS + "SELECT " + COLUMNS
      + " FROM lead_facts")
  int writeFacts(@BindList("leadIds") List<Long> leadIds);

  /** Deletes the facts of those of these leads that are DUPLICATE now, or gone. */
  @SqlUpdate("""
      DELETE FROM lead_report_facts
      WHERE id IN (<leadIds>) AND id NOT IN (SELECT rl.id FROM leads rl WHERE""" + OF_LEADS + ")")
  int deleteFactsOfLeadsNotReported(@BindList("leadIds") List<Long> leadIds);

  /**
   * Deletes exactly the marks read: a lead marked again since (a write committed after the read, or one
   * still uncommitted then) keeps its newer mark.
   */
  @SqlUpdate("DELETE FROM lead_report_facts_dirty WHERE id IN (<markIds>)")
  int clearMarks(@BindList("markIds") List<Long> markIds);
}
