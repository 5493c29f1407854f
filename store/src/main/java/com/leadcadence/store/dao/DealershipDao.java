package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.NewDealership;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Dealerships and their API keys (stored as SHA-256 hex, see ApiKeys). */
@RegisterRowMapperFactory(RowRecordMappers.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface DealershipDao extends SqlObject {

  @SqlUpdate("""
      INSERT INTO dealerships (name, time_zone, business_hours, holidays, sender_name, sender_email,
                               sender_phone, messaging_service_sid, web_form_captures_consent,
                               first_party_sources, inbound_email)
      VALUES (:name, :timeZone, :businessHours, :holidays, :senderName, :senderEmail,
              :senderPhone, :messagingServiceSid, :webFormCapturesConsent,
              :firstPartySources, :inboundEmail)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewDealership dealership);

  @SqlQuery("SELECT * FROM dealerships WHERE id = :id")
  Optional<DealershipRow> findById(long id);

  /** The dealerships texting from this number (E.164); normally one, but nothing makes it unique. */
  @SqlQuery("SELECT * FROM dealerships WHERE sender_phone = :senderPhone ORDER BY id")
  List<DealershipRow> listBySenderPhone(String senderPhone);

  @SqlQuery("SELECT * FROM dealerships ORDER BY id")
  List<DealershipRow> listAll();

  /** The dealership owning a key that has not been revoked. */
  @SqlQuery("""
      SELECT d.* FROM dealerships d
      JOIN api_keys k ON k.dealership_id = d.id
      WHERE k.key_hash = :keyHash AND k.revoked_at IS NULL
      """)
  Optional<DealershipRow> findByApiKeyHash(String keyHash);

  @SqlUpdate("INSERT INTO api_keys (dealership_id, key_hash, label) VALUES (:dealershipId, :keyHash, :label)")
  @GetGeneratedKeys("id")
  long insertApiKey(long dealershipId, String keyHash, String label);

  @SqlUpdate("""
      UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP(3)
      WHERE key_hash = :keyHash AND revoked_at IS NULL
      """)
  int revokeApiKey(String keyHash);
}
