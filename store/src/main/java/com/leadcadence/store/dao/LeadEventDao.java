package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.events.NewLeadEvent;
import com.leadcadence.store.rows.EventSubject;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.LeadEventType;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The outbound webhooks' outbox. Events are recorded by the code that changes a lead, in the same
 * transaction (attach this DAO to the change's handle), and only while the lead's dealership has a
 * subscription, so a dealership without webhooks pays one indexed SELECT per change. Each event's key is
 * unique: a retried change records its event once. The lead is read with a plain (non-locking) SELECT,
 * then the event inserted: an INSERT ... SELECT would take shared locks on the lead's row, which the
 * change's own later update of that row could deadlock on.
 */
@RegisterConstructorMapper(LeadEventRow.class)
@RegisterConstructorMapper(EventSubject.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface LeadEventDao extends SqlObject {

  String SUBSCRIBED = """
        AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                    WHERE s.dealership_id = l.dealership_id AND s.deleted_at IS NULL)
      """;

  default void record(NewLeadEvent event) {
    insertAll(event.type(), subject(event.key(), event.leadId(), event.data()));
  }

  /** touch.sent or touch.failed for a touch, its data taken from the row as it now is. */
  default void recordForTouch(long touchId, LeadEventType type) {
    insertAll(type, touchSubjects(touchId, suffix(type)));
  }

  /** As {@link #recordForTouch} for the touches in this status that a provider's report names by message id. */
  default void recordForProviderMessage(String provider, String providerId, String touchStatus, LeadEventType type) {
    insertAll(type, providerMessageSubjects(provider, providerId, touchStatus, suffix(type)));
  }

  /**
   * optout.recorded for every lead of the dealership with the address (the opt-out holds for all of
   * them), once per opt_outs row and lead. column: "email" or "phone".
   */
  default void recordForOptOut(String column, long dealershipId, String address, String channel, String data) {
    insertAll(LeadEventType.OPTOUT_RECORDED, optOutSubjects(column, dealershipId, address, channel, data));
  }

  private void insertAll(LeadEventType type, List<EventSubject> subjects) {
    for (EventSubject subject : subjects) {
      insert(subject.eventKey(), subject.dealershipId(), subject.leadId(), subject.source(), subject.externalId(),
          type.wireName(), subject.data());
    }
  }

  private static String suffix(LeadEventType type) {
    return type == LeadEventType.TOUCH_SENT ? "sent" : "failed";
  }

  @SqlQuery("""
      SELECT :key AS event_key, l.id AS lead_id, l.dealership_id, l.source, l.external_id, :data AS data
      FROM leads l WHERE l.id = :leadId
      """ + SUBSCRIBED)
  List<EventSubject> subject(String key, long leadId, String data);

  String TOUCH_SUBJECT = """
      SELECT CONCAT('touch:', t.id, ':', :suffix) AS event_key, l.id AS lead_id, l.dealership_id, l.source,
             l.external_id,
             JSON_OBJECT('touchId', t.id, 'channel', t.channel, 'step', t.step_id, 'status', t.status,
                         'provider', t.provider, 'detail', t.detail) AS data
      FROM touches t JOIN leads l ON l.id = t.lead_id
      """;

  @SqlQuery(TOUCH_SUBJECT + "WHERE t.id = :touchId\n" + SUBSCRIBED)
  List<EventSubject> touchSubjects(long touchId, String suffix);

  @SqlQuery(TOUCH_SUBJECT + "WHERE t.provider = :provider AND t.provider_id = :providerId AND t.status = :status\n"
      + SUBSCRIBED)
  List<EventSubject> providerMessageSubjects(String provider, String providerId, String status, String suffix);

  @SqlQuery("""
      SELECT CONCAT('optout:', o.id, ':', l.id) AS event_key, l.id AS lead_id, l.dealership_id, l.source,
             l.external_id, :data AS data
      FROM opt_outs o JOIN leads l ON l.dealership_id = o.dealership_id AND l.<column> = o.address
      WHERE o.dealership_id = :dealershipId AND o.address = :address AND o.channel = :channel
      """ + SUBSCRIBED)
  List<EventSubject> optOutSubjects(@Define("column") String column, long dealershipId, String address,
      String channel, String data);

  @SqlUpdate("""
      INSERT INTO lead_events (event_key, dealership_id, lead_id, source, external_id, type, data)
      VALUES (:key, :dealershipId, :leadId, :source, :externalId, :type, :data)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insert(String key, long dealershipId, long leadId, String source, String externalId, String type,
      String data);

  // ---- the dispatcher's side -----------------------------------------------------------------

  /** Events not yet handed to the delivery workflows, oldest first. */
  @SqlQuery("SELECT * FROM lead_events WHERE dispatched_at IS NULL ORDER BY id LIMIT :limit")
  List<LeadEventRow> undispatched(int limit);

  @SqlUpdate("UPDATE lead_events SET dispatched_at = CURRENT_TIMESTAMP(3) WHERE id = :id AND dispatched_at IS NULL")
  int markDispatched(long id);

  @SqlQuery("SELECT * FROM lead_events WHERE id = :id")
  Optional<LeadEventRow> findById(long id);

  /**
   * Runs a dispatch pass while holding a named database lock, so that of several API replicas one
   * dispatches at a time (keeping each lead's events in order); false when another holds it.
   */
  default boolean whileHoldingDispatchLock(Runnable pass) {
    Integer got = getHandle().createQuery("SELECT GET_LOCK('lead-cadence.webhook-dispatch', 0)")
        .mapTo(Integer.class).one();
    if (got == null || got != 1) {
      return false;
    }
    try {
      pass.run();
      return true;
    } finally {
      getHandle().createQuery("SELECT RELEASE_LOCK('lead-cadence.webhook-dispatch')").mapTo(Integer.class).one();
    }
  }
}
