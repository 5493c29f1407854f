package com.leadcadence.workflows.activities;

import java.time.Duration;

/**
 * The one place where the provider clients' timeouts and the send activity's start-to-close meet. The
 * SendGrid and Twilio clients wait at most {@link #POOL} for a pooled connection, {@link #CONNECT} to
 * connect and the configured answer timeout (capped at {@link #MAX_ANSWER}) for each answer; a send
 * attempt makes at most {@link #REQUESTS_PER_ATTEMPT} such requests (two Twilio lookups and one create).
 * The activity's start-to-close is longer than all of that plus time for the database, so Temporal
 * never starts a retry while an attempt may still be talking to a provider.
 */
public final class ProviderTimeouts {
  public static final Duration POOL = Duration.ofSeconds(5);
  public static final Duration CONNECT = Duration.ofSeconds(5);
  /** The longest wait for an answer the clients accept; a longer configured timeout is capped to it. */
  public static final Duration MAX_ANSWER = Duration.ofSeconds(20);
  public static final int REQUESTS_PER_ATTEMPT = 3;
  /** Reading and writing the touch row around the requests. */
  public static final Duration DATABASE_MARGIN = Duration.ofSeconds(15);
  /** The send activity's start-to-close: 3 x (5 + 5 + 20) + 15 = 105 s. */
  public static final Duration SEND_START_TO_CLOSE = sendStartToClose(MAX_ANSWER);

  /**
   * The send activity's heartbeat timeout (the worker heartbeats every 2 s while it runs): an attempt
   * that never reached a worker, its task lost with a poll answer in an outage, is retried after this
   * instead of after the long start-to-close.
   */
  public static final Duration SEND_HEARTBEAT = Duration.ofSeconds(10);

  private ProviderTimeouts() {}

  /** The answer timeout the clients use for a configured one: capped at {@link #MAX_ANSWER}. */
  public static Duration answer(Duration configured) {
    return configured == null || configured.compareTo(MAX_ANSWER) > 0 ? MAX_ANSWER : configured;
  }

  /** How long one request can take at worst with this answer timeout (pool + connect + answer). */
  public static Duration request(Duration answerTimeout) {
    Duration answer = answer(answerTimeout);
    return min(POOL, answer).plus(min(CONNECT, answer)).plus(answer);
  }

  /** How long one send attempt can take at worst with this answer timeout, database included. */
  public static Duration sendAttempt(Duration answerTimeout) {
    return request(answerTimeout).multipliedBy(REQUESTS_PER_ATTEMPT);
  }

  /** A start-to-close above {@link #sendAttempt}: the attempt's worst case plus the database margin. */
  public static Duration sendStartToClose(Duration answerTimeout) {
    return sendAttempt(answerTimeout).plus(DATABASE_MARGIN);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
