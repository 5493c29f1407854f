package com.leadcadence.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/** Healthy when the Temporal frontend answers a cheap call within two seconds. */
public class TemporalHealthCheck extends HealthCheck {
  private final WorkflowServiceStubs stubs;
  private final String address;

  public TemporalHealthCheck(WorkflowServiceStubs stubs, String address) {
    this.stubs = stubs;
    this.address = address;
  }

  @Override
  protected Result check() {
    try {
      stubs.blockingStub()
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Result.healthy("Temporal at %s answers", address);
    } catch (RuntimeException e) {
      return Result.unhealthy("Temporal at %s does not answer: %s", address, e.getMessage());
    }
  }
}
