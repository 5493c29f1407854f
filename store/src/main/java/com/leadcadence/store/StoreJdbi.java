package com.leadcadence.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Prepares a Jdbi (ours in tests, or the one Dropwizard builds) for the store: SqlObject support and
 * row mappers for every row record (RowRecordMappers), and Instants bound with their milliseconds (see
 * InstantArgumentFactory), statements named after their DAO method (NamedStatements, replacing the
 * engine Dropwizard installs). The DAOs register their own mapper and argument factory as well, so
 * onDemand works either way.
 */
public final class StoreJdbi {
  private StoreJdbi() {}

  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerRowMapper(new RowRecordMappers());
    jdbi.setTemplateEngine(new NamedStatements());
    return jdbi;
  }
}
