package com.leadcadence.api.outboundwebhooks;

import com.leadcadence.api.temporal.TemporalAvailability;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.webhooks.DeliveryRetry;
import com.leadcadence.workflows.webhooks.PendingDelivery;
import com.leadcadence.workflows.webhooks.WebhookDeliveryInput;
import com.leadcadence.workflows.webhooks.WebhookDeliveryWorkflow;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;

/** The one gateway to the webhook delivery workflows: signal-with-start per (subscription, lead). */
public final class DeliveryWorkflows {
  private final WorkflowClient client;
  private final TemporalAvailability availability;
  private final DeliveryRetry retry;

  public DeliveryWorkflows(WorkflowClient client, TemporalAvailability availability, DeliveryRetry retry) {
    this.client = client;
    this.availability = availability;
    this.retry = retry;
  }

  public boolean available() {
    return availability.isAvailable();
  }

  /** Hands a delivery to the lead's workflow for the subscription, starting it when none runs. */
  public void enqueue(long subscriptionId, long leadId, PendingDelivery delivery) {
    WebhookDeliveryWorkflow workflow = client.newWorkflowStub(WebhookDeliveryWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(WebhookDeliveryWorkflow.workflowId(subscriptionId, leadId))
            .setTaskQueue(TaskQueues.LEAD_CADENCE)
            .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(workflow::run, new WebhookDeliveryInput(subscriptionId, leadId, retry, List.of()));
    request.add(workflow::enqueue, delivery);
    client.signalWithStart(request);
  }
}
