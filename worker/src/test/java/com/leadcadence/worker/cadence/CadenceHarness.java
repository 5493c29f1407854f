package com.leadcadence.worker.cadence;

import com.leadcadence.activities.CadenceActivities;
import com.leadcadence.activities.migration.PlanMigrationActivitiesImpl;
import com.leadcadence.store.dao.CadenceMigrationDao;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.NewLead;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.worker.CadenceWorkers;
import com.leadcadence.worker.PacedSenders;
import com.leadcadence.worker.SendRates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadSearchAttributes;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.Grade;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import com.leadcadence.workflows.model.Vehicle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One time-skipping Temporal test environment, starting at a chosen instant, with the real activities
 * against a real database; senders are the dry-run ones (their outbox is what "was sent").
 */
final class CadenceHarness implements AutoCloseable {
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final Path TEMPLATES = Path.of("..", "config", "templates");
  /** The repository's plan files, as the start reads them: every cadence test runs them. */
  static final CadencePlans PLANS =
      new CadencePlanLoader(new MessageTemplates(TEMPLATES)).load(Path.of("..", "config", "cadences"));

  final TestDatabase db;
  final long dealershipId;
  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final DryRunOutbox outbox = new DryRunOutbox();
  final List<ManagerAlert> managerAlerts = new CopyOnWriteArrayList<>();
  /** Every taskAssigned notification: new call tasks, moved tasks, managers' ESCALATION tasks. */
  final List<TaskRow> assignedTasks = new CopyOnWriteArrayList<>();
  private final Senders senders;
  private final AgentNotifier notifier;
  /** Runs inside recordStatus before it writes (a test blocks it there to race a signal against it). */
  volatile java.util.function.Consumer<com.leadcadence.workflows.activities.StatusChange> beforeRecordStatus = c -> { };
  /** Runs before the real alertManager activity: a test makes it throw (database down) or wait. */
  volatile java.util.function.Consumer<ManagerAlert> beforeAlertManager = a -> { };
  /** Set once a test restarted the worker: the factory that replaced the environment's own. */
  private WorkerFactory restartedFactory;

  /**
   * Workers that never ask for sticky workflow tasks, so that a test can replace them: the test server
   * neither times a sticky queue out nor implements ResetStickyTaskQueue (a real server hands the
   * tasks of a vanished worker's sticky queue to the normal queue after 5 s).
   */
  private static final WorkerFactoryOptions REPLACEABLE = CadenceWorkers.factoryOptions()
      .setWorkflowHostLocalTaskQueueScheduleToStartTimeout(Duration.ZERO)
      .build();

  private final WorkerFactoryOptions factoryOptions;
  private final SendRates sendRates;

  CadenceHarness(TestDatabase db, Instant startTime) {
    this(db, startTime, UnaryOperator.identity(), null);
  }

  /** customiseSenders lets a test put a fault-injecting sender at the provider edge. */
  CadenceHarness(TestDatabase db, Instant startTime, UnaryOperator<Senders> customiseSenders) {
    this(db, startTime, customiseSenders, null);
  }

  /** A harness whose worker {@link #restartWorker} can replace mid-workflow. */
  static CadenceHarness restartable(TestDatabase db, Instant startTime) {
    return new CadenceHarness(db, startTime, UnaryOperator.identity(), REPLACEABLE, DemoDealership.SEED,
        SendRates.DEFAULTS);
  }

  /** Time skipping from startTime, with a dealership of the test's choosing (its hours, its holidays). */
  static CadenceHarness forDealership(TestDatabase db, Instant startTime, DealershipSeed dealership) {
    return new CadenceHarness(db, startTime, UnaryOperator.identity(), null, dealership, SendRates.DEFAULTS);
  }

  /**
   * Real time, no skipping, a replaceable worker, and a dealership of the test's choosing. For outages:
   * the time-skipping server never skips past a workflow task that no worker picks up, so a stopped
   * worker there stops the clock too.
   */
  static CadenceHarness realTime(TestDatabase db, DealershipSeed dealership) {
    return new CadenceHarness(db, null, UnaryOperator.identity(), REPLACEABLE, dealership, SendRates.DEFAULTS);
  }

  /** Real time, with a provider stand-in at the sender edge and the channels' send rates of the test's choosing. */
  static CadenceHarness realTime(TestDatabase db, DealershipSeed dealership, UnaryOperator<Senders> customiseSenders,
      SendRates sendRates) {
    return new CadenceHarness(db, null, customiseSenders, REPLACEABLE, dealership, sendRates);
  }

  private CadenceHarness(TestDatabase db, Instant startTime, UnaryOperator<Senders> customiseSenders,
      WorkerFactoryOptions factoryOptions) {
    this(db, startTime, customiseSenders, factoryOptions, DemoDealership.SEED, SendRates.DEFAULTS);
  }

  private CadenceHarness(TestDatabase db, Instant startTime, UnaryOperator<Senders> customiseSenders,
      WorkerFactoryOptions factoryOptions, DealershipSeed dealership, SendRates sendRates) {
    this.db = db;
    this.factoryOptions = factoryOptions;
    this.sendRates = sendRates;
    this.dealershipId = new DealershipSeeder(db.jdbi()).seed(dealership);
    TestEnvironmentOptions.Builder options = startTime == null
        ? TestEnvironmentOptions.newBuilder().setUseTimeskipping(false)
        : TestEnvironmentOptions.newBuilder().setInitialTime(startTime);
    options.setWorkerFactoryOptions(factoryOptions != null ? factoryOptions : CadenceWorkers.factoryOptions().build());
    this.env = TestWorkflowEnvironment.newInstance(options.build());
    LeadSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    this.notifier = new AgentNotifier() {
      @Override
      public void taskAssigned(TaskRow task, LeadRow lead) {
        assignedTasks.add(task);
      }

      @Override
      public void managerAlert(ManagerAlert alert, List<AgentRow> managers) {
        managerAlerts.add(alert);
      }
    };
    this.senders = PacedSenders.pace(customiseSenders.apply(DryRunSenders.all(outbox)), sendRates);
    registerCadence(env.getWorkerFactory());
    env.start();
    this.client = env.getWorkflowClient();
  }

  /**
   * New activity instances every time, as a freshly started process would build them. Their clock is
   * the test server's (time-skipped) clock, which is what "wall clock" means in these tests.
   */
  private void registerCadence(WorkerFactory factory) {
    CadenceActivities activities = CadenceActivities.create(db.jdbi(), senders,
        new MessageTemplates(TEMPLATES), notifier, UnsubscribeUrls.NONE, serverClock(), new SimpleMeterRegistry());
    com.leadcadence.workflows.activities.LeadRecordActivities real = activities.leadRecord();
    com.leadcadence.workflows.activities.LeadRecordActivities hooked =
        new com.leadcadence.workflows.activities.LeadRecordActivities() {
          @Override
          public void recordOutcome(com.leadcadence.workflows.activities.OutcomeRecord record) {
            real.recordOutcome(record);
          }

          @Override
          public void recordStatus(com.leadcadence.workflows.activities.StatusChange change) {
            beforeRecordStatus.accept(change);
            real.recordStatus(change);
          }

          @Override
          public void recordProfile(com.leadcadence.workflows.activities.LeadProfileChange change) {
            real.recordProfile(change);
          }

          @Override
          public void recordPlanSwitch(com.leadcadence.workflows.activities.PlanSwitchRecord record) {
            real.recordPlanSwitch(record);
          }

          @Override
          public void alertManager(ManagerAlert alert) {
            beforeAlertManager.accept(alert);
            real.alertManager(alert);
          }
        };
    CadenceWorkers.registerMigrations(
        CadenceWorkers.register(factory, activities.touch(), hooked, activities.task(), sendRates),
        new PlanMigrationActivitiesImpl(db.jdbi().onDemand(CadenceMigrationDao.class), factory.getWorkflowClient(),
            serverClock()));
  }

  /**
   * A deploy: the running worker stops (its cached workflows are gone) and a new factory on the same
   * server takes over with new activity instances; workflows carry on from their histories.
   */
  void restartWorker() throws InterruptedException {
    if (factoryOptions == null) {
      throw new IllegalStateException("create the harness with CadenceHarness.restartable");
    }
    WorkerFactory old = restartedFactory != null ? restartedFactory : env.getWorkerFactory();
    old.shutdownNow();
    old.awaitTermination(10, TimeUnit.SECONDS);
    restartedFactory = WorkerFactory.newInstance(client, factoryOptions);
    registerCadence(restartedFactory);
    restartedFactory.start();
  }

  /** The worker is gone (an outage): workflow tasks and activities wait on the server until startWorker. */
  void stopWorker() throws InterruptedException {
    if (factoryOptions == null) {
      throw new IllegalStateException("create the harness with CadenceHarness.restartable");
    }
    WorkerFactory old = restartedFactory != null ? restartedFactory : env.getWorkerFactory();
    old.shutdownNow();
    old.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A new worker (new activity instances) after stopWorker. */
  void startWorker() {
    restartedFactory = WorkerFactory.newInstance(client, factoryOptions);
    registerCadence(restartedFactory);
    restartedFactory.start();
  }

  private Clock serverClock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
      }
    };
  }

  static Instant chicago(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  long firstAgentId() {
    return db.jdbi().onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0).id();
  }

  /** Inserts the lead row (as intake would) and returns the input its workflow gets. */
  LeadCadenceInput newLead(LeadContact contact, int score, Set<Channel> blocked) {
    Grade grade = Grade.forScore(score);
    long agentId = firstAgentId();
    long leadId = db.jdbi().onDemand(LeadDao.class).insert(new NewLead(dealershipId, "website",
        "ext-" + System.nanoTime(), contact.firstName(), contact.lastName(), contact.email(), contact.phone(),
        contact.timeZone(), 2024, "Toyota", "Camry", "XSE", null, "STK-1", null, null, true, true,
        "website", now(), score, grade, agentId));
    db.jdbi().onDemand(LeadDao.class).setWorkflowId(leadId, WorkflowIds.forLead(leadId));
    db.jdbi().onDemand(LeadDao.class).markStartedIfStarting(leadId);
    DealershipRow dealership = db.jdbi().onDemand(DealershipDao.class).findById(dealershipId).orElseThrow();
    DealershipSchedule schedule = dealership.schedule();
    return new LeadCadenceInput(leadId, dealershipId, "website", contact,
        new Vehicle(2024, "Toyota", "Camry", "XSE", null, "STK-1"), score, agentId, blocked, schedule,
        PLANS.forLead(grade, "website"), now());
  }

  static LeadContact chicagoLead() {
    return new LeadContact("Jane", "Doe", "jane.doe@example.com", "+13125550187", "America/Chicago");
  }

  LeadCadenceWorkflow start(LeadCadenceInput input) {
    String workflowId = WorkflowIds.forLead(input.leadId());
    LeadCadenceWorkflow workflow = client.newWorkflowStub(LeadCadenceWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.LEAD_CADENCE)
            .setTypedSearchAttributes(SearchAttributes.newBuilder()
                .set(LeadSearchAttributes.DEALER_ID, String.valueOf(input.dealershipId()))
                .set(LeadSearchAttributes.LEAD_SOURCE, input.source())
                .set(LeadSearchAttributes.LEAD_GRADE, input.grade().name())
                .set(LeadSearchAttributes.LEAD_STATUS, "ACTIVE")
                .set(LeadSearchAttributes.ASSIGNED_AGENT, String.valueOf(input.assignedAgentId()))
                .set(LeadSearchAttributes.LEAD_SCORE, (long) input.score())
                .set(LeadSearchAttributes.LEAD_STEP, LeadSearchAttributes.firstStep(input.plan()))
                .set(LeadSearchAttributes.LEAD_STEP_DUE_AT, input.receivedAt().atOffset(ZoneOffset.UTC))
                .build())
            .build());
    WorkflowClient.start(workflow::run, input);
    return workflow;
  }

  List<TouchRow> touches(long leadId) {
    return db.jdbi().onDemand(TouchDao.class).listByLead(leadId);
  }

  List<TaskRow> tasks(long leadId) {
    return db.jdbi().onDemand(TaskDao.class).listByLead(leadId);
  }

  @Override
  public void close() {
    if (restartedFactory != null) {
      restartedFactory.shutdownNow();
    }
    env.close();
  }
}
