package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.rows.LeadEventType;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TouchClaim;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Touches, one per step attempt. The idempotency key is unique, and each transition only moves a row
 * forward from the state it expects (the update count says whether it did), so retries are harmless.
 * A send is guarded by its attempt's token: an attempt claims the row (PENDING or UNCONFIRMED, or SENDING
 * left behind by an attempt that died) and each of its later writes names the token, so the late answer
 * of a superseded attempt updates nothing. A change that sends or fails a touch records its webhook event
 * (touch.sent, touch.failed) in the same transaction.
 */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface TouchDao extends SqlObject {

  /** Inserts the step's row as PENDING unless one with its key exists; returns the stored row either way. */
  default TouchRow insertIfAbsent(NewTouch touch) {
    insertIgnoringDuplicate(touch);
    return findByIdempotencyKey(touch.idempotencyKey())
        .orElseThrow(() -> new IllegalStateException("touch vanished: " + touch.idempotencyKey()));
  }

  // ---- transitions that send or fail a touch: the update and its webhook event, in one transaction ----
  // (the statements, described, are the update... methods below)

  @Transaction
  default int markSentBy(long id, String token, String provider, String providerId, String detail) {
    int updated = updateMarkSentBy(id, token, provider, providerId, detail);
    if (updated > 0) {
      SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, LeadEventType.TOUCH_SENT);
    }
    return updated;
  }

  @Transaction
  default int markSentLate(long id, String provider, String providerId, String detail) {
    int updated = updateMarkSentLate(id, provider, providerId, detail);
    if (updated > 0) {
      SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, LeadEventType.TOUCH_SENT);
    }
    return updated;
  }

  @Transaction
  default int settleBy(long id, String token, TouchState status, String detail) {
    int updated = updateSettleBy(id, token, status, detail);
    if (updated > 0) {
      eventOf(status).ifPresent(type -> SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, type));
    }
    return updated;
  }

  @Transaction
  default int markSent(long id, String provider, String providerId, String detail) {
    int updated = updateMarkSent(id, provider, providerId, detail);
    if (updated > 0) {
      SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, LeadEventType.TOUCH_SENT);
    }
    return updated;
  }

  @Transaction
  default int settle(long id, TouchState status, String recipient, String subject, String body, String detail) {
    int updated = updateSettle(id, status, recipient, subject, body, detail);
    if (updated > 0) {
      eventOf(status).ifPresent(type -> SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, type));
    }
    return updated;
  }

  @Transaction
  default int recordDelivery(String provider, String providerId, TouchState status, String detail) {
    int updated = updateRecordDelivery(provider, providerId, status, detail);
    if (updated > 0) {
      LeadEventDao events = SharedDaos.on(getHandle(), LeadEventDao.class);
      eventOf(status).ifPresent(type -> events.recordForProviderMessage(provider, providerId, status.name(), type));
    }
    return updated;
  }

  @Transaction
  default int recordDeliveryById(long id, long leadId, TouchState status, String detail) {
    int updated = updateRecordDeliveryById(id, leadId, status, detail);
    if (updated > 0) {
      eventOf(status).ifPresent(type -> SharedDaos.on(getHandle(), LeadEventDao.class).recordForTouch(id, type));
    }
    return updated;
  }

  // ON DUPLICATE KEY UPDATE rather than INSERT IGNORE: IGNORE would also swallow foreign key errors.
  @SqlUpdate("""
      INSERT INTO touches (lead_id, step_index, step_id, channel, template_id, variant, idempotency_key, status,
                           performed_at)
      VALUES (:leadId, :stepIndex, :stepId, :channel, :templateId, :variant, :idempotencyKey, 'PENDING',
              :performedAt)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insertIgnoringDuplicate(@BindMethods NewTouch touch);

  @SqlQuery("SELECT * FROM touches WHERE idempotency_key = :idempotencyKey")
  Optional<TouchRow> findByIdempotencyKey(String idempotencyKey);

  @SqlQuery("SELECT * FROM touches WHERE id = :id")
  Optional<TouchRow> findById(long id);

  @SqlQuery("SELECT * FROM touches WHERE provider = :provider AND provider_id = :providerId")
  Optional<TouchRow> findByProviderId(String provider, String providerId);

  /** The lead's call attempts up to and including this step: the attempt number of a call step. */
  @SqlQuery("SELECT COUNT(*) FROM touches WHERE lead_id = :leadId AND channel = 'CALL' AND step_index <= :stepIndex")
  int countCallsUpTo(long leadId, int stepIndex);

  @SqlQuery("SELECT * FROM touches WHERE lead_id = :leadId ORDER BY performed_at, id")
  List<TouchRow> listByLead(long leadId);

  @SqlQuery("SELECT id, status, send_token, claimed_at, sending_since FROM touches WHERE id = :id")
  Optional<TouchClaim> findClaim(long id);

  /** How many touches are in this status (UNCONFIRMED ones are the sends nobody could settle yet). */
  @SqlQuery("SELECT COUNT(*) FROM touches WHERE status = :status")
  int countByStatus(TouchState status);

  /** PENDING -> SENDING for the attempt with this token, with the message about to be handed over. */
  @SqlUpdate("""
      UPDATE touches SET sending_since = COALESCE(sending_since, CURRENT_TIMESTAMP(3)),
                         status = 'SENDING', recipient = :recipient, subject = :subject, body = :body,
                         send_token = :token, claimed_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id AND status = 'PENDING'
      """)
  int claimPending(long id, String token, String recipient, String subject, String body);

  /** UNCONFIRMED -> SENDING for the attempt with this token, which is to settle it. */
  @SqlUpdate("""
      UPDATE touches SET sending_since = COALESCE(sending_since, claimed_at, CURRENT_TIMESTAMP(3)),
                         status = 'SENDING', send_token = :token, claimed_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id AND status = 'UNCONFIRMED'
      """)
  int claimUnconfirmed(long id, String token);

  /**
   * SENDING held by an attempt that claimed it more than staleMillis ago (so it died or was abandoned:
   * no attempt lives that long) -> the attempt with this token, which is to settle it.
   */
  @SqlUpdate("""
      UPDATE touches SET sending_since = COALESCE(sending_since, claimed_at, CURRENT_TIMESTAMP(3)),
                         send_token = :token, claimed_at = CURRENT_TIMESTAMP(3)
      WHERE id = :id AND status = 'SENDING'
        AND (claimed_at IS NULL OR claimed_at < CURRENT_TIMESTAMP(3) - INTERVAL (:staleMillis * 1000) MICROSECOND)
      """)
  int claimStale(long id, String token, long staleMillis);

  /** SENDING by this attempt -> SENT with the provider's id for the message. */
  @SqlUpdate("""
      UPDATE touches SET status = 'SENT', provider = :provider, provider_id = :providerId, detail = :detail,
                         send_token = NULL
      WHERE id = :id AND status = 'SENDING' AND send_token = :token
      """)
  int updateMarkSentBy(long id, String token, String provider, String providerId, String detail);

  /**
   * A superseded attempt's late acceptance: the provider has the message, so a touch that no attempt
   * holds (PENDING after a refusal, UNCONFIRMED) becomes SENT instead of being sent again.
   */
  @SqlUpdate("""
      UPDATE touches SET status = 'SENT', provider = :provider, provider_id = :providerId, detail = :detail
      WHERE id = :id AND status IN ('PENDING', 'UNCONFIRMED')
      """)
  int updateMarkSentLate(long id, String provider, String providerId, String detail);

  /** SENDING by this attempt -> PENDING: the provider certainly did not take it (the retry sends). */
  @SqlUpdate("""
      UPDATE touches SET status = 'PENDING', detail = :detail, send_token = NULL
      WHERE id = :id AND status = 'SENDING' AND send_token = :token
      """)
  int revertToPendingBy(long id, String token, String detail);

  /** SENDING by this attempt -> UNCONFIRMED: handed over without a clear answer. */
  @SqlUpdate("""
      UPDATE touches SET status = 'UNCONFIRMED', detail = :detail, send_token = NULL
      WHERE id = :id AND status = 'SENDING' AND send_token = :token
      """)
  int markUnconfirmedBy(long id, String token, String detail);

  /**
   * The workflow gave up on the step (out of retries) while it was SENDING or UNCONFIRMED: whatever
   * attempt held it is over, and whether the provider took it stays unknown.
   */
  @SqlUpdate("""
      UPDATE touches SET status = 'UNCONFIRMED', detail = :detail, send_token = NULL
      WHERE id = :id AND status IN ('SENDING', 'UNCONFIRMED')
      """)
  int markUnconfirmed(long id, String detail);

  /** SENDING by this attempt -> a final status without a message id (CHANNEL_BLOCKED). */
  @SqlUpdate("""
      UPDATE touches SET status = :status, detail = :detail, send_token = NULL
      WHERE id = :id AND status = 'SENDING' AND send_token = :token
      """)
  int updateSettleBy(long id, String token, TouchState status, String detail);

  /** PENDING -> SENDING with the message about to be handed to the provider (no attempt token: tools, tests). */
  @SqlUpdate("""
      UPDATE touches SET status = 'SENDING', recipient = :recipient, subject = :subject, body = :body
      WHERE id = :id AND status = 'PENDING'
      """)
  int markSending(long id, String recipient, String subject, String body);

  /** SENDING -> SENT with the provider's id for the message. */
  @SqlUpdate("""
      UPDATE touches SET status = 'SENT', provider = :provider, provider_id = :providerId, detail = :detail
      WHERE id = :id AND status = 'SENDING'
      """)
  int updateMarkSent(long id, String provider, String providerId, String detail);

  /** SENDING -> PENDING when the sender knows the provider never got the message (the retry sends). */
  @SqlUpdate("UPDATE touches SET status = 'PENDING' WHERE id = :id AND status = 'SENDING'")
  int revertToPending(long id);

  /**
   * PENDING or SENDING -> a settled status (TASK_CREATED, SKIPPED_OPTED_OUT, CHANNEL_BLOCKED, SENT),
   * keeping recipient/subject/body already stored when the new ones are null.
   */
  @SqlUpdate("""
      UPDATE touches SET status = :status,
                         recipient = COALESCE(:recipient, recipient),
                         subject = COALESCE(:subject, subject),
                         body = COALESCE(:body, body),
                         detail = :detail
      WHERE id = :id AND status IN ('PENDING', 'SENDING')
      """)
  int updateSettle(long id, TouchState status, String recipient, String subject, String body, String detail);

  /** PENDING -> CANCELLED: the workflow cancelled the step before anything was handed to a provider. */
  @SqlUpdate("UPDATE touches SET status = 'CANCELLED', detail = :detail WHERE id = :id AND status = 'PENDING'")
  int cancelPending(long id, String detail);

  /** A provider's later report (DELIVERED, FAILED) on a message it accepted. */
  @SqlUpdate("""
      UPDATE touches SET status = :status, detail = :detail
      WHERE provider = :provider AND provider_id = :providerId AND status IN ('SENT', 'DELIVERED')
      """)
  int updateRecordDelivery(String provider, String providerId, TouchState status, String detail);

  /**
   * As {@link #recordDelivery} for a touch named by id (the lead and touch ids a callback URL carries),
   * for when the provider's id is not on the row. A report on an UNCONFIRMED touch settles it: the
   * provider had the message.
   */
  @SqlUpdate("""
      UPDATE touches SET status = :status, detail = :detail
      WHERE id = :id AND lead_id = :leadId AND status IN ('SENT', 'DELIVERED', 'UNCONFIRMED')
      """)
  int updateRecordDeliveryById(long id, long leadId, TouchState status, String detail);

  /**
   * The webhook event a touch reaching this status announces: touch.sent for SENT; touch.failed for a
   * step out of retries (FAILED, also a provider's later failure report) or a channel the provider
   * refused for good (CHANNEL_BLOCKED).
   */
  private static Optional<LeadEventType> eventOf(TouchState status) {
    return switch (status) {
      case SENT -> Optional.of(LeadEventType.TOUCH_SENT);
      case FAILED, CHANNEL_BLOCKED -> Optional.of(LeadEventType.TOUCH_FAILED);
      default -> Optional.empty();
    };
  }
}
