package com.leadcadence.api.startup;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import java.util.Map;

/**
 * Bounds on every wait for the database, so that one that hangs or goes away costs a request a few
 * seconds and a 503, never a request thread: Connector/J's connect and socket timeouts (unbounded by
 * default), a short wait for a pooled connection, and a checked connection on borrow (a pool connection
 * broken by an outage is replaced instead of failing the next request). Values set in the configuration
 * are kept.
 */
public final class DatabaseTimeouts {
  static final String CONNECT_TIMEOUT_MS = "5000";
  static final String SOCKET_TIMEOUT_MS = "15000";
  private static final Duration DROPWIZARD_DEFAULT_MAX_WAIT = Duration.seconds(30);
  private static final Duration MAX_WAIT_FOR_CONNECTION = Duration.seconds(5);

  private DatabaseTimeouts() {}

  public static void apply(DataSourceFactory database) {
    Map<String, String> properties = database.getProperties();
    String url = database.getUrl() == null ? "" : database.getUrl();
    if (!properties.containsKey("connectTimeout") && !url.contains("connectTimeout=")) {
      properties.put("connectTimeout", CONNECT_TIMEOUT_MS);
    }
    if (!properties.containsKey("socketTimeout") && !url.contains("socketTimeout=")) {
      properties.put("socketTimeout", SOCKET_TIMEOUT_MS);
    }
    if (DROPWIZARD_DEFAULT_MAX_WAIT.equals(database.getMaxWaitForConnection())) {
      database.setMaxWaitForConnection(MAX_WAIT_FOR_CONNECTION);
    }
    database.setCheckConnectionOnBorrow(true);
    if (database.getValidationQueryTimeout().isEmpty()) {
      database.setValidationQueryTimeout(Duration.seconds(3));
    }
  }
}
