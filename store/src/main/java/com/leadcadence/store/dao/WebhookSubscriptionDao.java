package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** A dealership's webhook subscriptions; a deleted one keeps its row (its deliveries refer to it). */
@RegisterConstructorMapper(WebhookSubscriptionRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface WebhookSubscriptionDao extends SqlObject {

  @SqlUpdate("INSERT INTO webhook_subscriptions (dealership_id, url, events, secret) VALUES (:dealershipId, :url, :events, :secret)")
  @GetGeneratedKeys("id")
  long insert(long dealershipId, String url, String events, String secret);

  /** Any subscription by id, deleted or not (the delivery activity's view). */
  @SqlQuery("SELECT * FROM webhook_subscriptions WHERE id = :id")
  Optional<WebhookSubscriptionRow> findById(long id);

  /** A live subscription of this dealership (another dealership's, or a deleted one: empty). */
  @SqlQuery("SELECT * FROM webhook_subscriptions WHERE dealership_id = :dealershipId AND id = :id AND deleted_at IS NULL")
  Optional<WebhookSubscriptionRow> findLive(long dealershipId, long id);

  @SqlQuery("SELECT * FROM webhook_subscriptions WHERE dealership_id = :dealershipId AND deleted_at IS NULL ORDER BY id")
  List<WebhookSubscriptionRow> listLive(long dealershipId);

  @SqlQuery("SELECT COUNT(*) FROM webhook_subscriptions WHERE dealership_id = :dealershipId AND deleted_at IS NULL")
  int countLive(long dealershipId);

  /** Deletes the subscription and cancels its deliveries not made yet; false when there was none to delete. */
  @Transaction
  default boolean delete(long dealershipId, long id) {
    if (markDeleted(dealershipId, id) == 0) {
      return false;
    }
    SharedDaos.on(getHandle(), WebhookDeliveryDao.class).cancelPending(id);
    return true;
  }

  @SqlUpdate("""
      UPDATE webhook_subscriptions SET deleted_at = CURRENT_TIMESTAMP(3)
      WHERE dealership_id = :dealershipId AND id = :id AND deleted_at IS NULL
      """)
  int markDeleted(long dealershipId, long id);
}
