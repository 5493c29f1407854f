package com.leadcadence.store.dao;

import com.leadcadence.store.rows.VariantCounts;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * A/B variants compared (issue 10, item 5), counted per touch that carries a variant (one lead at one step):
 * <ul>
 *   <li>sent: the touch reached the lead or its agent: SENT or DELIVERED, or TASK_CREATED for a call step
 *       (its script is the variant). Skipped, blocked, failed, cancelled and unconfirmed touches are not
 *       counted at all.
 *   <li>responses: sent touches whose lead answered at or after the touch: a text reply or a call back after a
 *       voicemail (the LEAD_REPLIED and CALL_BACK_NOW tasks they create) or an email open or click
 *       (sendgrid-engagement events). Not tied to the touch itself: a reply to a later step counts too.
 *   <li>contacts: sent touches whose lead had a CONTACTED or APPOINTMENT_SET outcome at or after the touch.
 * </ul>
 */
@RegisterConstructorMapper(VariantCounts.class)
public interface VariantReportDao {
  /** A touch that reached the lead (or, for a call, the agent's task). */
  String SENT = "t.status IN ('SENT', 'DELIVERED', 'TASK_CREATED')";

  /** The dealership's counts for these steps, by step and variant (stepIds: not empty). */
  @SqlQuery("""
      SELECT t.step_id, t.variant,
             SUM(""" + SENT + """
      ) AS sent,
             SUM(""" + SENT + """
       AND (
               EXISTS (SELECT 1 FROM tasks k WHERE k.lead_id = t.lead_id
                         AND k.kind IN ('LEAD_REPLIED', 'CALL_BACK_NOW') AND k.created_at >= t.performed_at)
               OR EXISTS (SELECT 1 FROM provider_events e WHERE e.lead_id = t.lead_id
                         AND e.provider = 'sendgrid-engagement' AND e.event_type IN ('EMAIL_OPEN', 'EMAIL_CLICK')
                         AND e.received_at >= t.performed_at))) AS responses,
             SUM(""" + SENT + """
       AND EXISTS (SELECT 1 FROM lead_outcomes o WHERE o.lead_id = t.lead_id
                         AND o.type IN ('CONTACTED', 'APPOINTMENT_SET') AND o.recorded_at >= t.performed_at))
               AS contacts
      FROM touches t
      JOIN leads l ON l.id = t.lead_id
      WHERE l.dealership_id = :dealershipId AND t.variant IS NOT NULL AND t.step_id IN (<stepIds>)
      GROUP BY t.step_id, t.variant
      """)
  List<VariantCounts> counts(long dealershipId, @BindList("stepIds") List<String> stepIds);
}
