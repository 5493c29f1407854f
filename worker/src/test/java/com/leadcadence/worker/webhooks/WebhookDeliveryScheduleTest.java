package com.leadcadence.worker.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.webhooks.ReceiverAddresses;
import com.leadcadence.activities.webhooks.WebhookActivitiesImpl;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.LeadEventDao;
import com.leadcadence.store.dao.WebhookDeliveryDao;
import com.leadcadence.store.dao.WebhookSubscriptionDao;
import com.leadcadence.store.events.LeadEvents;
import com.leadcadence.store.rows.DeliveryStatus;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.WebhookDeliveryRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.webhooks.DeliveryRetry;
import com.leadcadence.workflows.webhooks.PendingDelivery;
import com.leadcadence.workflows.webhooks.WebhookDeliveryInput;
import com.leadcadence.workflows.webhooks.WebhookDeliveryWorkflow;
import com.leadcadence.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production retry schedule (10 s doubling to 1 h, 24 hours) on the time-skipping test server,
 * with the real activity posting to a receiver on this machine and recording in MariaDB: a receiver
 * that never answers 2xx to one event gets it retried for 24 hours, then the delivery is FAILED, and
 * the lead's next event waits for that and is then delivered.
 */
class WebhookDeliveryScheduleTest {
  private static final DeliveryRetry PRODUCTION = new DeliveryRetry(Duration.ofSeconds(10), Duration.ofHours(1),
      Duration.ofSeconds(30));

  private TestDatabase db;
  private Jdbi jdbi;
  private TestWorkflowEnvironment env;
  private HttpServer receiver;
  /** Event ids in the order requests arrived, and whether each was accepted. */
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String refusedEventId;

  @BeforeEach
  void setUp() throws IOException {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String eventId = exchange.getRequestHeaders().getFirst("LeadCadence-Event-Id");
      boolean refused = eventId.equals(refusedEventId);
      requests.add(eventId + (refused ? ":503" : ":204"));
      exchange.sendResponseHeaders(refused ? 503 : 204, -1);
      exchange.close();
    });
    receiver.start();
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.LEAD_CADENCE);
    worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(new WebhookActivitiesImpl(jdbi.onDemand(LeadEventDao.class),
        jdbi.onDemand(WebhookSubscriptionDao.class), jdbi.onDemand(WebhookDeliveryDao.class),
        new ReceiverAddresses(true), Duration.ofSeconds(5), Duration.ofSeconds(10), Clock.systemUTC(),
        new SimpleMeterRegistry()));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    receiver.stop(0);
    db.close();
  }

  @Test
  void aRefusedEventIsRetriedForADayThenFailedAndTheLeadsNextEventFollows() {
    long dealership = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    long subscription = jdbi.onDemand(WebhookSubscriptionDao.class).insert(dealership,
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/crm", "lead.created,lead.status_changed",
        "whsec_schedule");
    long lead = jdbi.onDemand(LeadDao.class).insert(TestLeads.jane(dealership, "schedule-1", null));
    jdbi.onDemand(LeadEventDao.class).record(LeadEvents.created(jdbi.onDemand(LeadDao.class).findById(lead).orElseThrow()));
    jdbi.onDemand(LeadDao.class).updateStatus(lead, LeadStatus.ACTIVE, Instant.now());
    jdbi.onDemand(LeadDao.class).updateStatus(lead, LeadStatus.PAUSED, Instant.now());
    List<LeadEventRow> events = jdbi.onDemand(LeadEventDao.class).undispatched(10);
    assertEquals(List.of("lead.created", "lead.status_changed"), events.stream().map(LeadEventRow::type).toList());
    refusedEventId = Long.toString(events.get(0).id());

    Instant start = Instant.ofEpochMilli(env.currentTimeMillis());
    Instant giveUpAt = start.plus(Duration.ofHours(24));
    WebhookDeliveryDao deliveries = jdbi.onDemand(WebhookDeliveryDao.class);
    List<PendingDelivery> pending = events.stream()
        .map(e -> new PendingDelivery(deliveries.insertIfAbsent(subscription, e.id(), lead, giveUpAt).id(), e.id(),
            giveUpAt))
        .toList();
    WebhookDeliveryWorkflow workflow = env.getWorkflowClient().newWorkflowStub(WebhookDeliveryWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.LEAD_CADENCE)
            .setWorkflowId(WebhookDeliveryWorkflow.workflowId(subscription, lead)).build());
    WorkflowClient.start(workflow::run, new WebhookDeliveryInput(subscription, lead, PRODUCTION, List.of(pending.get(0))));
    workflow.enqueue(pending.get(1));
    workflow.enqueue(pending.get(0)); // a repeated dispatch: delivered once
    env.getWorkflowClient().newUntypedWorkflowStub(WebhookDeliveryWorkflow.workflowId(subscription, lead))
        .getResult(Void.class);

    WebhookDeliveryRow refused = deliveries.findById(pending.get(0).deliveryId()).orElseThrow();
    WebhookDeliveryRow next = deliveries.findById(pending.get(1).deliveryId()).orElseThrow();
    assertEquals(DeliveryStatus.FAILED, refused.status());
    assertEquals(503, refused.lastStatusCode());
    long refusals = requests.stream().filter(r -> r.endsWith(":503")).count();
    assertEquals(refusals, refused.attempts());
    // 10 s, 20 s, ... 2,560 s (about 1.4 h), then hourly until 24 h have passed: 32 or 33 attempts
    assertTrue(refused.attempts() >= 31 && refused.attempts() <= 34, "attempts: " + refused.attempts());
    assertEquals(DeliveryStatus.DELIVERED, next.status());
    assertEquals(1, next.attempts());
    assertEquals(events.get(1).id() + ":204", requests.get(requests.size() - 1), "the next event after the give-up");
    assertTrue(Instant.ofEpochMilli(env.currentTimeMillis()).isAfter(start.plus(Duration.ofHours(24))));
  }
}
