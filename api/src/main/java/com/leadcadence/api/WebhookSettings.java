package com.leadcadence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadcadence.workflows.webhooks.DeliveryRetry;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * Outbound webhooks to the CRMs: how often new events are handed to their delivery workflows, the retry
 * schedule (exponential backoff from initialRetryInterval, doubling, capped at maximumRetryInterval, for
 * giveUpAfter), the HTTP bounds of one attempt, and whether URLs on private or loopback addresses are
 * accepted (development and tests only).
 */
public class WebhookSettings {
  @NotNull private Duration dispatchInterval = Duration.seconds(1);
  @NotNull private Duration initialRetryInterval = Duration.seconds(10);
  @NotNull private Duration maximumRetryInterval = Duration.hours(1);
  @NotNull private Duration giveUpAfter = Duration.hours(24);
  @NotNull private Duration connectTimeout = Duration.seconds(5);
  @NotNull private Duration requestTimeout = Duration.seconds(10);
  private boolean allowPrivateAddresses;

  /** One attempt's start-to-close: the connection, the answer, and the time to record it. */
  public DeliveryRetry retry() {
    return new DeliveryRetry(initialRetryInterval.toJavaDuration(), maximumRetryInterval.toJavaDuration(),
        connectTimeout.toJavaDuration().plus(requestTimeout.toJavaDuration()).plusSeconds(15));
  }

  @JsonProperty
  public Duration getDispatchInterval() {
    return dispatchInterval;
  }

  @JsonProperty
  public void setDispatchInterval(Duration dispatchInterval) {
    this.dispatchInterval = dispatchInterval;
  }

  @JsonProperty
  public Duration getInitialRetryInterval() {
    return initialRetryInterval;
  }

  @JsonProperty
  public void setInitialRetryInterval(Duration initialRetryInterval) {
    this.initialRetryInterval = initialRetryInterval;
  }

  @JsonProperty
  public Duration getMaximumRetryInterval() {
    return maximumRetryInterval;
  }

  @JsonProperty
  public void setMaximumRetryInterval(Duration maximumRetryInterval) {
    this.maximumRetryInterval = maximumRetryInterval;
  }

  @JsonProperty
  public Duration getGiveUpAfter() {
    return giveUpAfter;
  }

  @JsonProperty
  public void setGiveUpAfter(Duration giveUpAfter) {
    this.giveUpAfter = giveUpAfter;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @JsonProperty
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  @JsonProperty
  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  @JsonProperty
  public boolean isAllowPrivateAddresses() {
    return allowPrivateAddresses;
  }

  @JsonProperty
  public void setAllowPrivateAddresses(boolean allowPrivateAddresses) {
    this.allowPrivateAddresses = allowPrivateAddresses;
  }
}
