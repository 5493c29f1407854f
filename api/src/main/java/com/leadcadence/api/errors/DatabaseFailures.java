package com.leadcadence.api.errors;

import com.leadcadence.store.reports.ReportFactsBusyException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure means "the database is unreachable or too slow right now" (a retry later may
 * succeed) rather than a bug: connection errors (SQLState class 08), timeouts, a pool with no
 * connection to give, a broken socket, a report that waited too long for another refresh of its facts.
 */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SocketException
          || t instanceof SocketTimeoutException
          || t instanceof ConnectException
          || t instanceof org.jdbi.v3.core.ConnectionException
          || t instanceof ReportFactsBusyException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.equals("org.apache.tomcat.jdbc.pool.PoolExhaustedException")
          || name.startsWith("com.mysql.cj.jdbc.exceptions.CommunicationsException")
          || name.startsWith("com.mysql.cj.exceptions.CJCommunicationsException")
          || name.equals("com.mysql.cj.jdbc.exceptions.MySQLTimeoutException")) {
        return true;
      }
    }
    return false;
  }
}
