package com.leadcadence.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Temporal frontend is: host:port and namespace. rpcRetryExpiration bounds how long a client
 * call keeps retrying an unavailable server before it fails (so intake can answer 503 instead of hanging).
 */
public record TemporalTarget(String address, String namespace, Duration rpcRetryExpiration) {

  public static final String DEFAULT_NAMESPACE = "default";
  public static final Duration DEFAULT_RPC_RETRY_EXPIRATION = Duration.ofSeconds(10);

  public TemporalTarget {
    Objects.requireNonNull(address, "address");
    if (address.isBlank()) {
      throw new IllegalArgumentException("Temporal address is empty");
    }
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    rpcRetryExpiration = rpcRetryExpiration == null ? DEFAULT_RPC_RETRY_EXPIRATION : rpcRetryExpiration;
  }

  public static TemporalTarget local(int port) {
    return new TemporalTarget("127.0.0.1:" + port, DEFAULT_NAMESPACE, DEFAULT_RPC_RETRY_EXPIRATION);
  }

  public TemporalTarget withRpcRetryExpiration(Duration expiration) {
    return new TemporalTarget(address, namespace, expiration);
  }
}
