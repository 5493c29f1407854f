package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * One row per (subscription, event): the unique pair makes a repeated dispatch a no-op. Every attempt
 * updates its row (count, last answer); only a PENDING row changes, so a late or repeated attempt never
 * undoes a final status.
 */
@RegisterConstructorMapper(WebhookDeliveryRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface WebhookDeliveryDao extends SqlObject {

  String SELECT = "SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN lead_events e ON e.id = d.event_id ";

  /** The delivery of this event to this subscription, created PENDING unless it exists. */
  default WebhookDeliveryRow insertIfAbsent(long subscriptionId, long eventId, long leadId, Instant giveUpAt) {
    insertIgnoringDuplicate(subscriptionId, eventId, leadId, giveUpAt);
    return findByEvent(subscriptionId, eventId).orElseThrow(
        () -> new IllegalStateException("delivery of event " + eventId + " to " + subscriptionId + " vanished"));
  }

  @SqlUpdate("""
      INSERT INTO webhook_deliveries (subscription_id, event_id, lead_id, status, give_up_at)
      VALUES (:subscriptionId, :eventId, :leadId, 'PENDING', :giveUpAt)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insertIgnoringDuplicate(long subscriptionId, long eventId, long leadId, Instant giveUpAt);

  @SqlQuery(SELECT + "WHERE d.subscription_id = :subscriptionId AND d.event_id = :eventId")
  Optional<WebhookDeliveryRow> findByEvent(long subscriptionId, long eventId);

  @SqlQuery(SELECT + "WHERE d.id = :id")
  Optional<WebhookDeliveryRow> findById(long id);

  /** A subscription's deliveries, newest first, below beforeId; status narrows them when set. */
  @SqlQuery(SELECT + """
      WHERE d.subscription_id = :subscriptionId AND d.id < :beforeId
        AND (:status IS NULL OR d.status = :status)
      ORDER BY d.id DESC
      LIMIT :limit
      """)
  List<WebhookDeliveryRow> page(long subscriptionId, DeliveryStatus status, long beforeId, int limit);

  /** PENDING deliveries, oldest first, after afterId: re-handed to their workflows after a restart. */
  @SqlQuery(SELECT + "WHERE d.status = 'PENDING' AND d.id > :afterId ORDER BY d.id LIMIT :limit")
  List<WebhookDeliveryRow> pending(long afterId, int limit);

  @SqlUpdate("""
      UPDATE webhook_deliveries
      SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = :statusCode, last_error = NULL,
          last_attempt_at = CURRENT_TIMESTAMP(3), finished_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id AND status = 'PENDING'
      """)
  int markDelivered(long id, int statusCode);

  /** An attempt without a 2xx: statusCode null when no answer came (refused, timed out). */
  @SqlUpdate("""
      UPDATE webhook_deliveries
      SET attempts = attempts + 1, last_status_code = :statusCode, last_error = :error,
          last_attempt_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id AND status = 'PENDING'
      """)
  int recordFailedAttempt(long id, Integer statusCode, String error);

  /** The retry window closed without a 2xx; the last attempt's answer stays on the row. */
  @SqlUpdate("""
      UPDATE webhook_deliveries
      SET status = 'FAILED', finished_at = CURRENT_TIMESTAMP(3), last_error = COALESCE(last_error, :reason)
      WHERE id = :id AND status = 'PENDING'
      """)
  int markFailed(long id, String reason);

  @SqlUpdate("""
      UPDATE webhook_deliveries SET status = 'CANCELLED', finished_at = CURRENT_TIMESTAMP(3)
      WHERE subscription_id = :subscriptionId AND status = 'PENDING'
      """)
  int cancelPending(long subscriptionId);
}
