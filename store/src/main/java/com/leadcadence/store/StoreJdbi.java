package com.leadcadence.store;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.OptOutRow;
import com.leadcadence.store.rows.OutcomeRow;
import com.leadcadence.store.rows.TaskEventRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.rows.WebhookSubscriptionRow;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Prepares a Jdbi (ours in tests, or the one Dropwizard builds) for the store: SqlObject support and
 * row mappers for every row record, and Instants bound with their milliseconds (see
 * InstantArgumentFactory). The DAOs register their own mapper and argument factory as well, so onDemand
 * works either way.
 */
public final class StoreJdbi {
  private static final List<Class<?>> ROWS =
      List.of(DealershipRow.class, AgentRow.class, LeadRow.class, TouchRow.class, TaskRow.class, TaskEventRow.class,
          OutcomeRow.class, OptOutRow.class, LeadEventRow.class, WebhookSubscriptionRow.class,
          WebhookDeliveryRow.class);

  private StoreJdbi() {}

  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.registerArgument(new InstantArgumentFactory());
    for (Class<?> row : ROWS) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
    return jdbi;
  }
}
