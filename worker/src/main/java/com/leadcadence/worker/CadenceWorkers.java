package com.leadcadence.worker;

import com.leadcadence.workflows.LeadCadenceWorkflowImpl;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TouchActivities;
import com.leadcadence.workflows.migration.PlanMigrationActivities;
import com.leadcadence.workflows.migration.PlanMigrationWorkflowImpl;
import com.leadcadence.workflows.webhooks.WebhookActivities;
import com.leadcadence.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.List;

/**
 * Puts the lead cadence on its task queues: the workflow type and its three activity implementations
 * (steps, the lead's row, task SLAs) on {@link TaskQueues#LEAD_CADENCE}, and the sends once more on each
 * channel's send queue, rate-limited there; where given, the outbound webhooks' delivery workflow and its
 * activities on the main queue too. The same wiring serves the embedded worker, the standalone
 * {@code worker} command and the tests (which pass a TestWorkflowEnvironment's factory).
 */
public final class CadenceWorkers {
  static final List<String> SEND_QUEUES =
      List.of(TaskQueues.EMAIL_SENDS, TaskQueues.SMS_SENDS, TaskQueues.VOICE_SENDS);
  /**
   * Pollers per send queue. The worker's own limit paces the starts of polls (loosely: it makes up for
   * a late poll with an early one), and every poll already waiting when sends arrive returns one at
   * once; {@link PacedSenders} then spaces the provider calls exactly. Two keep a fast channel's queue
   * drained over a slow network.
   */
  public static final int SEND_QUEUE_POLLERS = 2;

  private CadenceWorkers() {}

  /** Options every factory running the cadence uses: activities heartbeat while they run. */
  public static WorkerFactoryOptions.Builder factoryOptions() {
    return WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new ActivityHeartbeats());
  }

  /**
   * Registers the cadence's workers; the caller starts the factory (and gives the touch activities
   * senders paced by {@link PacedSenders} with the same rates). Each send queue's rate is set twice: as
   * the task queue's limit, which a Temporal server enforces across all workers together (one provider
   * account, however many worker replicas), and as this worker's own limit, which keeps the sends
   * reaching this worker near the rate where the server does not (the embedded test server ignores
   * task queue limits).
   */
  public static Worker register(WorkerFactory factory, TouchActivities touches, LeadRecordActivities leadRecords,
      TaskActivities taskSla, SendRates rates) {
    return register(factory, touches, leadRecords, taskSla, rates, null);
  }

  /** As above, plus the outbound webhooks' delivery workflow and its activities (when not null) on the main queue. */
  public static Worker register(WorkerFactory factory, TouchActivities touches, LeadRecordActivities leadRecords,
      TaskActivities taskSla, SendRates rates, WebhookActivities webhooks) {
    Worker worker = factory.newWorker(TaskQueues.LEAD_CADENCE);
    worker.registerWorkflowImplementationTypes(LeadCadenceWorkflowImpl.class);
    // Also here: call tasks, and sends of workflows started before the send queues (they replay so).
    worker.registerActivitiesImplementations(touches, leadRecords, taskSla);
    if (webhooks != null) {
      worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
      worker.registerActivitiesImplementations(webhooks);
    }
    for (String queue : SEND_QUEUES) {
      double perSecond = rates.forQueue(queue);
      factory.newWorker(queue, WorkerOptions.newBuilder()
              .setMaxTaskQueueActivitiesPerSecond(perSecond)
              .setMaxWorkerActivitiesPerSecond(perSecond)
              .setMaxConcurrentActivityTaskPollers(SEND_QUEUE_POLLERS)
              .build())
          .registerActivitiesImplementations(touches);
    }
    return worker;
  }

  /**
   * Plan migrations (their workflow and activities) on the main queue, next to the lead workflows whose
   * switchPlan they call: the worker {@link #register} returned.
   */
  public static void registerMigrations(Worker worker, PlanMigrationActivities activities) {
    worker.registerWorkflowImplementationTypes(PlanMigrationWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
  }
}
