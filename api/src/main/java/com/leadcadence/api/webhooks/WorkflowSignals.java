package com.leadcadence.api.webhooks;

import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals a lead's workflow on behalf of a provider. A workflow that has already closed needs no signal
 * (its cadence is over): that is logged and swallowed, so the webhook still answers 2xx and the provider
 * does not retry forever. Temporal being unreachable is not swallowed: the provider's retry is wanted.
 */
public final class WorkflowSignals {
  private static final Logger log = LoggerFactory.getLogger(WorkflowSignals.class);

  private final WorkflowClient client;

  public WorkflowSignals(WorkflowClient client) {
    this.client = client;
  }

  /** True when the signal was delivered to a running workflow. */
  public boolean signal(LeadRow lead, String what, Consumer<LeadCadenceWorkflow> send) {
    if (lead.workflowId() == null) {
      log.info("lead {} has no workflow: no {} signal", lead.id(), what);
      return false;
    }
    try {
      send.accept(client.newWorkflowStub(LeadCadenceWorkflow.class, lead.workflowId()));
      log.info("signalled {} to {}", what, lead.workflowId());
      return true;
    } catch (WorkflowNotFoundException e) {
      log.info("{} has already ended: {} not needed", lead.workflowId(), what);
      return false;
    } catch (RuntimeException e) {
      throw new CadenceUnavailableException("could not signal " + what + " to " + lead.workflowId(), e);
    }
  }
}
