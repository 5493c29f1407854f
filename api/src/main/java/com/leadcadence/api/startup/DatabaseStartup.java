package com.leadcadence.api.startup;

import com.codahale.metrics.MetricRegistry;
import com.leadcadence.api.EmbeddedDatabaseSettings;
import com.leadcadence.api.LeadCadenceConfiguration;
import com.leadcadence.store.DatabaseProbe;
import com.leadcadence.store.EmbeddedMariaDb;
import com.leadcadence.store.Migrations;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the configured database usable before anything else touches it: finds a server (or starts the
 * embedded fallback and points the configuration at it), creates the database, applies the migrations.
 */
public final class DatabaseStartup {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private DatabaseStartup() {}

  /** The database in use; {@code embedded} is present when this process started it (stop it on exit). */
  public record PreparedDatabase(String url, Optional<EmbeddedMariaDb> embedded) {}

  /**
   * Finds the server, creates the database and migrates it. Rewrites {@code database.url} when the
   * embedded fallback is used.
   *
   * @throws StartupFailure when no server answers and the fallback is off, or the database refuses us
   */
  public static PreparedDatabase prepare(LeadCadenceConfiguration config, MetricRegistry metrics) {
    PreparedDatabase prepared = locate(config.getDatabase(), config.getEmbeddedDatabaseFallback());
    DataSourceFactory database = config.getDatabase();
    try {
      Migrations.ensureDatabaseExists(database.getUrl(), database.getUser(), database.getPassword());
    } catch (RuntimeException e) {
      stopQuietly(prepared);
      throw StartupFailure.because("cannot create the database at " + database.getUrl(), e);
    }
    ManagedDataSource migrationSource = database.build(metrics, "flyway");
    try {
      Migrations.migrate(migrationSource);
    } catch (RuntimeException e) {
      stopQuietly(prepared);
      throw StartupFailure.because("database migration failed at " + database.getUrl(), e);
    } finally {
      stopPool(migrationSource);
    }
    return prepared;
  }

  private static PreparedDatabase locate(DataSourceFactory database, EmbeddedDatabaseSettings fallback) {
    JdbcAddress address = JdbcAddress.parse(database.getUrl());
    if (DatabaseProbe.answers(address.host(), address.port(), PROBE_TIMEOUT)) {
      LOG.info("Database server {} answers", address.server());
      return new PreparedDatabase(database.getUrl(), Optional.empty());
    }
    if (!fallback.isEnabled()) {
      throw new StartupFailure(
          "no database answers at " + address.server() + " (database.url " + database.getUrl()
              + ") and embeddedDatabaseFallback is disabled: start MySQL there or fix DATABASE_URL");
    }
    int port = fallback.getPort() == 0 ? address.port() : fallback.getPort();
    Ports.ensureFree("127.0.0.1", port, "embedded MariaDB");
    LOG.info("No database answers at {}; starting the embedded MariaDB under {} on port {}",
        address.server(), fallback.getDir(), port);
    EmbeddedMariaDb embedded;
    try {
      embedded = EmbeddedMariaDb.start(Path.of(fallback.getDir()), port);
    } catch (RuntimeException e) {
      throw StartupFailure.because("the embedded MariaDB fallback did not start", e);
    }
    String url = address.onLocalPort(port).url();
    database.setUrl(url);
    return new PreparedDatabase(url, Optional.of(embedded));
  }

  private static void stopPool(ManagedDataSource dataSource) {
    try {
      dataSource.stop();
    } catch (Exception e) {
      LOG.warn("Could not close the migration connection pool: {}", e.toString());
    }
  }

  private static void stopQuietly(PreparedDatabase prepared) {
    prepared.embedded().ifPresent(db -> {
      try {
        db.stop();
      } catch (RuntimeException e) {
        LOG.warn("Could not stop the embedded MariaDB: {}", e.toString());
      }
    });
  }
}
