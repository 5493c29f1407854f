package com.leadcadence.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the database when missing and applies the Flyway migrations under classpath:db/migration. */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** jdbc:mysql://host:port/database?params (also jdbc:mariadb:); group 1 = server part, 2 = database, 3 = params. */
  private static final Pattern JDBC_URL =
      Pattern.compile("^(jdbc:[a-z]+://[^/]+)/([A-Za-z0-9_$]+)(\\?.*)?$");

  private Migrations() {}

  /** Applies pending migrations; returns how many ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    log.info("Database migrated: {} migration(s) applied, schema version {}",
        result.migrationsExecuted, result.targetSchemaVersion);
    return result.migrationsExecuted;
  }

  /**
   * Connects to the server named in the URL without selecting the database and creates the database
   * (utf8mb4) when it does not exist yet, so a fresh MySQL needs no manual step.
   */
  public static void ensureDatabaseExists(String jdbcUrl, String user, String password) {
    Matcher m = JDBC_URL.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Cannot find a database name in the JDBC URL (expected jdbc:mysql://host:port/name): " + jdbcUrl);
    }
    String serverUrl = m.group(1) + "/" + (m.group(3) == null ? "" : m.group(3));
    String database = m.group(2);
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement st = c.createStatement()) {
      // The name is checked by the pattern above, so quoting it with backticks is safe.
      st.execute("CREATE DATABASE IF NOT EXISTS `" + database
          + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database '" + database + "' at " + m.group(1), e);
    }
  }
}
