package com.leadcadence.store.dao;

import com.leadcadence.store.RowRecordMappers;
import com.leadcadence.store.rows.ApiKeyRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.NewDealership;
import java.util.List;
import java.util.Optional;
import com.leadcadence.store.InstantArgumentFactory;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterRowMapperFactory;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

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

  /** The dealership whose e-mailed ADF leads arrive at this address (stored and looked up lower-cased). */
  @SqlQuery("SELECT * FROM dealerships WHERE inbound_email = :address")
  Optional<DealershipRow> findByInboundEmail(String address);

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

  /** A dealership and its first API key, both or neither; returns the dealership's id. */
  @Transaction
  default long insertWithApiKey(NewDealership dealership, String keyHash, String label) {
    long id = insert(dealership);
    insertApiKey(id, keyHash, label);
    return id;
  }

  /** Every column a dealership's operator may change. */
  @SqlUpdate("""
      UPDATE dealerships SET name = :d.name, time_zone = :d.timeZone, business_hours = :d.businessHours,
             holidays = :d.holidays, sender_name = :d.senderName, sender_email = :d.senderEmail,
             sender_phone = :d.senderPhone, messaging_service_sid = :d.messagingServiceSid,
             web_form_captures_consent = :d.webFormCapturesConsent,
             first_party_sources = :d.firstPartySources, inbound_email = :d.inboundEmail
      WHERE id = :id
      """)
  int update(@Bind("id") long id, @BindMethods("d") NewDealership dealership);

  /** The dealership's keys, oldest first (no hashes). */
  @SqlQuery("""
      SELECT id, dealership_id, label, created_at, revoked_at FROM api_keys
      WHERE dealership_id = :dealershipId ORDER BY id
      """)
  List<ApiKeyRow> listApiKeys(long dealershipId);

  @SqlQuery("""
      SELECT id, dealership_id, label, created_at, revoked_at FROM api_keys
      WHERE dealership_id = :dealershipId AND id = :keyId
      """)
  Optional<ApiKeyRow> findApiKey(long dealershipId, long keyId);

  /** Revokes one key of the dealership; 0 when it is not the dealership's or was revoked already. */
  @SqlUpdate("""
      UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP(3)
      WHERE dealership_id = :dealershipId AND id = :keyId AND revoked_at IS NULL
      """)
  int revokeApiKeyById(long dealershipId, long keyId);
}
