package com.leadcadence.store.dao;

import com.leadcadence.store.InstantArgumentFactory;
import com.leadcadence.store.rows.InboundMessageRow;
import com.leadcadence.store.rows.NewInboundMessage;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** E-mails received for ADF intake, accepted or rejected, so that none is ever dropped silently. */
@RegisterConstructorMapper(InboundMessageRow.class)
@RegisterArgumentFactory(InstantArgumentFactory.class)
public interface InboundMessageDao extends SqlObject {

  @SqlUpdate("""
      INSERT INTO inbound_messages (dealership_id, recipient, sender, subject, status, reason, lead_id,
                                    adf_source, body_excerpt)
      VALUES (:dealershipId, :recipient, :sender, :subject, :status, :reason, :leadId,
              :adfSource, :bodyExcerpt)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods NewInboundMessage message);

  /** The newest first: what an operator reads to see which mails were rejected and why. */
  @SqlQuery("SELECT * FROM inbound_messages ORDER BY id DESC LIMIT :limit")
  List<InboundMessageRow> listLatest(int limit);
}
