package com.leadcadence.activities.providers;

import com.leadcadence.activities.senders.MessageNotSentException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Sorts an I/O failure on the way to a provider: before the connection existed nothing can have been
 * sent (retry may send again); after it, the provider may have the message (retry must not resend).
 */
public final class TransportFailures {
  // Connect timeouts of both Apache client generations are named so; matched by name so that this class
  // needs neither on its compile path.
  // So is the wait for a pooled connection, which never left the process.
  private static final Set<String> NEVER_SENT = Set.of(
      "org.apache.http.conn.ConnectTimeoutException",
      "org.apache.hc.client5.http.ConnectTimeoutException",
      "org.apache.http.conn.ConnectionPoolTimeoutException",
      "org.apache.hc.core5.http.ConnectionRequestTimeoutException");

  private TransportFailures() {}

  public static RuntimeException classify(String provider, Throwable failure) {
    if (neverConnected(failure)) {
      return new MessageNotSentException(provider + " unreachable: " + failure, failure);
    }
    return new ProviderOutcomeUnknownException(provider + " did not answer in full: " + failure, failure);
  }

  /**
   * An HTTP answer after which the provider may or may not have the message: any 5xx but 503 (a 500,
   * 502 or 504 can come from a proxy or a crash after the provider stored it). 503 and every 4xx are
   * refusals.
   */
  public static boolean outcomeUnknown(int httpStatus) {
    return httpStatus >= 500 && httpStatus != 503;
  }

  static boolean neverConnected(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || NEVER_SENT.contains(t.getClass().getName())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
