package com.leadcadence.worker;

import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.webhooks.WebhookActivities;
import com.leadcadence.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;

/**
 * Puts the lead cadence on its task queue: the workflow type and its three activity implementations
 * (steps, the lead's row, task SLAs), and, where given, the outbound webhooks' delivery workflow.
 * The same wiring serves the embedded worker, the standalone {@code worker} command and the tests
 * (which pass a TestWorkflowEnvironment's factory).
 */
public final class CadenceWorkers {

  private CadenceWorkers() {}

  /** Options every factory running the cadence uses: activities heartbeat while they run. */
  public static WorkerFactoryOptions.Builder factoryOptions() {
    return WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new ActivityHeartbeats());
  }

  /** Registers a worker on {@link TaskQueues#LEAD_CADENCE}; the caller starts the factory. */
  public static Worker register(WorkerFactory factory, TouchActivities touches, LeadRecordActivities leadRecords,
      TaskActivities taskSla) {
    Worker worker = factory.newWorker(TaskQueues.LEAD_CADENCE);
    worker.registerWorkflowImplementationTypes(LeadCadenceWorkflowImpl.class);
    worker.registerActivitiesImplementations(touches, leadRecords, taskSla);
    return worker;
  }

  /** As above, plus the outbound webhooks' delivery workflow and its activities on the same queue. */
  public static Worker register(WorkerFactory factory, TouchActivities touches, LeadRecordActivities leadRecords,
      TaskActivities taskSla, WebhookActivities webhooks) {
    Worker worker = factory.newWorker(TaskQueues.LEAD_CADENCE);
    worker.registerWorkflowImplementationTypes(LeadCadenceWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(touches, leadRecords, taskSla, webhooks);
    return worker;
  }
}
