package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.events.NewLeadEvent;
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
 * subscription, so a dealership without webhooks pays one INSERT ... SELECT that inserts nothing. Each
 * event's key is unique: a retried change records its event once.
 */
@RegisterConstructorMapper(LeadEventRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface LeadEventDao extends SqlObject {

  default void record(NewLeadEvent event) {
    insert(event.key(), event.leadId(), event.type().wireName(), event.data());
  }

  // lead_events.id in the UPDATE clause: a bare "id" would be ambiguous with the SELECT's leads.id.
  @SqlUpdate("""
      INSERT INTO lead_events (event_key, dealership_id, lead_id, source, external_id, type, data)
      SELECT :key, l.dealership_id, l.id, l.source, l.external_id, :type, :data FROM leads l
      WHERE l.id = :leadId
        AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                    WHERE s.dealership_id = l.dealership_id AND s.deleted_at IS NULL)
      ON DUPLICATE KEY UPDATE lead_events.id = lead_events.id
      """)
  int insert(String key, long leadId, String type, String data);

  /** touch.sent or touch.failed for a touch, its data taken from the row as it now is. */
  default void recordForTouch(long touchId, LeadEventType type) {
    insertForTouch(touchId, suffix(type), type.wireName());
  }

  /** As {@link #recordForTouch} for the touches in this status that a provider's report names by message id. */
  default void recordForProviderMessage(String provider, String providerId, String touchStatus, LeadEventType type) {
    insertForProviderMessage(provider, providerId, touchStatus, suffix(type), type.wireName());
  }

  @SqlUpdate(TOUCH_EVENT + "WHERE t.id = :touchId" + WITH_SUBSCRIPTION)
  int insertForTouch(long touchId, String suffix, String type);

  @SqlUpdate(TOUCH_EVENT + "WHERE t.provider = :provider AND t.provider_id = :providerId AND t.status = :status"
      + WITH_SUBSCRIPTION)
  int insertForProviderMessage(String provider, String providerId, String status, String suffix, String type);

  String TOUCH_EVENT = """
      INSERT INTO lead_events (event_key, dealership_id, lead_id, source, external_id, type, data)
      SELECT CONCAT('touch:', t.id, ':', :suffix), l.dealership_id, l.id, l.source, l.external_id, :type,
             JSON_OBJECT('touchId', t.id, 'channel', t.channel, 'step', t.step_id, 'status', t.status,
                         'provider', t.provider, 'detail', t.detail)
      FROM touches t JOIN leads l ON l.id = t.lead_id
      """;

  String WITH_SUBSCRIPTION = """

        AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                    WHERE s.dealership_id = l.dealership_id AND s.deleted_at IS NULL)
      ON DUPLICATE KEY UPDATE lead_events.id = lead_events.id
      """;

  /**
   * optout.recorded for every lead of the dealership with the address (the opt-out holds for all of
   * them), once per opt_outs row and lead. column: "email" or "phone".
   */
  @SqlUpdate("""
      INSERT INTO lead_events (event_key, dealership_id, lead_id, source, external_id, type, data)
      SELECT CONCAT('optout:', o.id, ':', l.id), l.dealership_id, l.id, l.source, l.external_id,
             'optout.recorded', :data
      FROM opt_outs o JOIN leads l ON l.dealership_id = o.dealership_id AND l.<column> = o.address
      WHERE o.dealership_id = :dealershipId AND o.address = :address AND o.channel = :channel
        AND EXISTS (SELECT 1 FROM webhook_subscriptions s
                    WHERE s.dealership_id = l.dealership_id AND s.deleted_at IS NULL)
      ON DUPLICATE KEY UPDATE lead_events.id = lead_events.id
      """)
  int insertForOptOut(@Define("column") String column, long dealershipId,
      String address, String channel, String data);

  private static String suffix(LeadEventType type) {
    return type == LeadEventType.TOUCH_SENT ? "sent" : "failed";
  }

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
