package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Which Temporal server to use. An empty address starts the embedded test server on embeddedPort
 * (127.0.0.1, real gRPC, in memory); any other value (host:port) connects to that server instead.
 */
public class TemporalSettings {
  private String address = "";

  @Min(1)
  @Max(65535)
  private int embeddedPort = 7233;

  @NotBlank private String namespace = "default";

  /** Run a worker on the lead-cadence task queue inside this process. */
  private boolean runWorker = true;

  /** How long a client call retries an unreachable server before intake answers 503. */
  @NotNull private Duration rpcRetryExpiration = Duration.seconds(10);

  /**
   * How long a request waits on Temporal for one call (a start, a signal, an outcome's Update) before it
   * answers 503 with Retry-After: no request thread waits longer on a worker or database that hangs.
   */
  @NotNull private Duration callTimeout = Duration.seconds(10);

  /**
   * How long a workflow task waits on this worker's sticky queue (where the worker that ran a workflow
   * last keeps it cached) before it goes to the normal queue for any worker: the SDK's 5 s. A real
   * Temporal server does that hand-over; the embedded test server never does, so a worker that dies
   * (kill -9) there leaves its workflows stuck on its sticky queue. 0s turns sticky execution off:
   * every workflow task goes to the shared queue and replays its history.
   */
  @NotNull private Duration stickyQueueTimeout = Duration.seconds(5);

  @JsonProperty
  public Duration getStickyQueueTimeout() {
    return stickyQueueTimeout;
  }

  @JsonProperty
  public void setStickyQueueTimeout(Duration stickyQueueTimeout) {
    this.stickyQueueTimeout = stickyQueueTimeout;
  }

  @JsonProperty
  public Duration getCallTimeout() {
    return callTimeout;
  }

  @JsonProperty
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public boolean embedded() {
    return address == null || address.isBlank();
  }

  @JsonProperty
  public String getAddress() {
    return address;
  }

  @JsonProperty
  public void setAddress(String address) {
    this.address = address == null ? "" : address.trim();
  }

  @JsonProperty
  public int getEmbeddedPort() {
    return embeddedPort;
  }

  @JsonProperty
  public void setEmbeddedPort(int embeddedPort) {
    this.embeddedPort = embeddedPort;
  }

  @JsonProperty
  public String getNamespace() {
    return namespace;
  }

  @JsonProperty
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @JsonProperty
  public boolean isRunWorker() {
    return runWorker;
  }

  @JsonProperty
  public void setRunWorker(boolean runWorker) {
    this.runWorker = runWorker;
  }

  @JsonProperty
  public Duration getRpcRetryExpiration() {
    return rpcRetryExpiration;
  }

  @JsonProperty
  public void setRpcRetryExpiration(Duration rpcRetryExpiration) {
    this.rpcRetryExpiration = rpcRetryExpiration;
  }
}
