package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.workflows.model.OptOutChannel;
import java.util.List;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Opt-outs per dealership and address (normalised by the caller: lower-cased email, E.164 phone).
 * channel is SMS, EMAIL or CALL; ALL is the caller's business to expand.
 */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface OptOutDao extends SqlObject {

  /**
   * Records the opt-out unless it is there already, with optout.recorded for each of the dealership's
   * leads with that address (once per opt-out and lead) in the same transaction.
   */
  @Transaction
  default void insertIfAbsent(long dealershipId, String address, OptOutChannel channel, String source) {
    insertIgnoringDuplicate(dealershipId, address, channel, source);
    SharedDaos.on(getHandle(), LeadEventDao.class).recordForOptOut(channel == OptOutChannel.EMAIL ? "email" : "phone",
        dealershipId, address, channel.name(), LeadEvents.optOutData(channel, source));
  }

  @SqlUpdate("""
      INSERT INTO opt_outs (dealership_id, address, channel, source)
      VALUES (:dealershipId, :address, :channel, :source)
      ON DUPLICATE KEY UPDATE id = id
      """)
  void insertIgnoringDuplicate(long dealershipId, String address, OptOutChannel channel, String source);

  @SqlQuery("""
      SELECT COUNT(*) > 0 FROM opt_outs
      WHERE dealership_id = :dealershipId AND address = :address AND channel = :channel
      """)
  boolean isOptedOut(long dealershipId, String address, OptOutChannel channel);

  @SqlQuery("SELECT * FROM opt_outs WHERE dealership_id = :dealershipId AND address = :address ORDER BY id")
  List<OptOutRow> listForAddress(long dealershipId, String address);

  /** Every opt-out of any of these addresses (normalised), in one query. */
  @SqlQuery("SELECT * FROM opt_outs WHERE dealership_id = :dealershipId AND address IN (<addresses>) ORDER BY id")
  List<OptOutRow> listForAddresses(long dealershipId, @BindList("addresses") List<String> addresses);

  /** Re-subscribes (an SMS START); returns whether there was an opt-out to remove. */
  @SqlUpdate("""
      DELETE FROM opt_outs WHERE dealership_id = :dealershipId AND address = :address AND channel = :channel
      """)
  int remove(long dealershipId, String address, OptOutChannel channel);
}
