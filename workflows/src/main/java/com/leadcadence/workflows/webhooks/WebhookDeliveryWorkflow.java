package com.leadcadence.workflows.webhooks;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers one lead's events to one webhook subscription, one at a time in event order: an event waits
 * until the one before it was delivered or given up. Started (or reached) by signal-with-start under
 * {@link #workflowId}; it ends after an idle hour and the next event starts it again.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  static String workflowId(long subscriptionId, long leadId) {
    return "webhook-" + subscriptionId + "-lead-" + leadId;
  }

  @WorkflowMethod
  void run(WebhookDeliveryInput input);

  /** One more event to deliver; a delivery already queued (or handed over twice) is delivered once. */
  @SignalMethod
  void enqueue(PendingDelivery delivery);
}
