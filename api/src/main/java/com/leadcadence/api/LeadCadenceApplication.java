package com.leadcadence.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadcadence.activities.CadenceActivities;
import com.leadcadence.activities.notify.SendingAgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.providers.ProviderSenders;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.api.admin.AdminDealershipResource;
import com.leadcadence.api.admin.DealershipOnboarding;
import com.leadcadence.api.admin.OperatorKeyFilter;
import com.leadcadence.api.agents.AgentResource;
import com.leadcadence.api.agents.AgentService;
import com.leadcadence.api.agents.SessionResource;
import com.leadcadence.api.auth.ApiKeyAuthenticator;
import com.leadcadence.api.auth.BearerOrCookieAuthFilter;
import com.leadcadence.api.leads.LeadReassignment;
import com.leadcadence.api.leads.LeadSearch;
import com.leadcadence.activities.webhooks.ReceiverAddresses;
import com.leadcadence.activities.webhooks.WebhookActivitiesImpl;
import com.leadcadence.activities.migration.PlanMigrationActivitiesImpl;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.CadenceMigrationDao;
import com.leadcadence.api.outboundwebhooks.DeliveryWorkflows;
import com.leadcadence.api.outboundwebhooks.WebhookDispatcher;
import com.leadcadence.api.outboundwebhooks.WebhookResource;
import com.leadcadence.api.outboundwebhooks.WebhookSubscriptions;
import com.leadcadence.store.dao.LeadEventDao;
import com.leadcadence.store.dao.WebhookDeliveryDao;
import com.leadcadence.store.dao.WebhookSubscriptionDao;
import com.leadcadence.api.tasks.TaskEventHub;
import com.leadcadence.api.tasks.TaskResource;
import com.leadcadence.api.tasks.TaskService;
import com.leadcadence.api.reports.ReportFactsRefresher;
import com.leadcadence.api.reports.ReportResource;
import com.leadcadence.api.reports.ReportService;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.CadencePlanDao;
import com.leadcadence.store.dao.FunnelReportDao;
import com.leadcadence.store.dao.LeadChangeDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.LeadSearchDao;
import com.leadcadence.store.dao.TaskEventDao;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.auth.JsonUnauthorizedHandler;
import com.leadcadence.api.cadences.CadenceResource;
import com.leadcadence.api.cadences.CadenceVariants;
import com.leadcadence.api.cadences.DealershipCadences;
import com.leadcadence.api.cadences.MigrationWorkflows;
import com.leadcadence.api.cadences.PlanMigrations;
import com.leadcadence.api.cli.DbCommand;
import com.leadcadence.api.cli.DealershipCommand;
import com.leadcadence.api.cli.SimulateCommand;
import com.leadcadence.api.cli.FailFastServerCommand;
import com.leadcadence.api.cli.WorkerCommand;
import com.leadcadence.api.dashboard.DashboardAssets;
import com.leadcadence.api.errors.ApiExceptionMapper;
import com.leadcadence.api.errors.CadenceExceptionMappers;
import com.leadcadence.api.errors.JsonProcessingExceptionMapper;
import com.leadcadence.api.errors.RequestSizeLimitFilter;
import com.leadcadence.api.errors.UnreadBodyDrainFilter;
import com.leadcadence.api.errors.UnexpectedExceptionMapper;
import com.leadcadence.api.errors.ViolationExceptionMapper;
import com.leadcadence.api.errors.WebApplicationExceptionMapper;
import com.leadcadence.api.health.ProviderCredentialsHealthCheck;
import com.leadcadence.api.health.TemporalHealthCheck;
import com.leadcadence.api.metrics.Metrics;
import com.leadcadence.api.metrics.RejectedRequests;
import com.leadcadence.api.metrics.WorkerMetricsServer;
import com.leadcadence.activities.metrics.TimedSenders;
import com.leadcadence.activities.providers.CredentialsCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.leadcadence.api.history.LeadHistory;
import com.leadcadence.api.history.LeadHistoryResource;
import com.leadcadence.api.adf.AdfIntake;
import com.leadcadence.api.adf.AdfLeadResource;
import com.leadcadence.api.adf.AdfParser;
import com.leadcadence.api.inbound.InboundMailIntake;
import com.leadcadence.api.inbound.SendGridInboundResource;
import com.leadcadence.api.intake.LeadIntake;
import com.leadcadence.api.intake.LeadReconciler;
import com.leadcadence.api.intake.LeadOptOuts;
import com.leadcadence.api.leads.LeadResource;
import com.leadcadence.api.openapi.OpenApiResource;
import com.leadcadence.api.startup.DatabaseStartup;
import com.leadcadence.api.startup.PlansAndTemplates;
import com.leadcadence.api.startup.Ports;
import com.leadcadence.api.startup.ReadyBanner;
import com.leadcadence.api.startup.StartupFailure;
import com.leadcadence.api.startup.UnsetVariables;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.api.timeline.LeadTimeline;
import com.leadcadence.api.timeline.LeadTimelineResource;
import com.leadcadence.api.temporal.ManagedWorkerFactory;
import com.leadcadence.api.temporal.TemporalRuntime;
import com.leadcadence.api.unsubscribe.UnsubscribeLinks;
import com.leadcadence.api.unsubscribe.UnsubscribeResource;
import com.leadcadence.api.webhooks.AgentTasks;
import com.leadcadence.api.webhooks.DeliveryReports;
import com.leadcadence.api.webhooks.EmailOptOuts;
import com.leadcadence.api.webhooks.InboundTexts;
import com.leadcadence.api.webhooks.LeadFinder;
import com.leadcadence.api.webhooks.ProviderEvents;
import com.leadcadence.api.webhooks.ProviderWebhooks;
import com.leadcadence.api.webhooks.SendGridEvents;
import com.leadcadence.api.webhooks.SendGridWebhookResource;
import com.leadcadence.api.webhooks.TwilioStatusCallbacks;
import com.leadcadence.api.webhooks.TwilioWebhookResource;
import com.leadcadence.api.webhooks.VoicemailAnswers;
import com.leadcadence.api.webhooks.WorkflowSignals;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.StoreJdbi;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.InboundMessageDao;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.api.startup.DatabaseTimeouts;
import com.leadcadence.store.dao.ProviderEventDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.dao.VariantReportDao;
import com.leadcadence.worker.CadenceWorkers;
import com.leadcadence.worker.PacedSenders;
import com.leadcadence.worker.SendRates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead Cadence in one process. {@link #run} is the table of contents: every part is built and wired
 * here by hand, in start order. {@code server} runs the API (plus, by configuration, a worker and the
 * embedded Temporal server), {@code worker} only the worker, {@code db migrate} only the migrations.
 */
public class LeadCadenceApplication extends Application<LeadCadenceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(LeadCadenceApplication.class);
  /** How often the API refreshes the report facts of dirty leads in the background (a report refreshes its own first). */
  private static final Duration REPORT_FACTS_REFRESH_INTERVAL = Duration.ofSeconds(5);
  /** Intake bodies are small JSON documents; anything bigger is refused before it is parsed. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;
  /** SendGrid batches events (up to about a thousand per POST). */
  public static final int MAX_SENDGRID_EVENTS_BYTES = 4 * 1024 * 1024;
  /**
   * An e-mail as Inbound Parse posts it, attachments included: SendGrid's own limit for a whole message
   * is 30 MB, so nothing it posts is refused for its size (the ADF in it is still held to 64 KiB).
   */
  public static final int MAX_INBOUND_EMAIL_BYTES = 32 * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    new LeadCadenceApplication().run(args);
  }

  @Override
  public String getName() {
    return "lead-cadence";
  }

  @Override
  public void initialize(Bootstrap<LeadCadenceConfiguration> bootstrap) {
    // ${VAR:-default} in YAML; non-strict, so an unset variable with a default is fine.
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addCommand(new WorkerCommand(this));
    bootstrap.addCommand(new DbCommand(this));
    bootstrap.addCommand(new DealershipCommand(System.out));
    bootstrap.addCommand(new SimulateCommand(System.out));
    bootstrap.addBundle(new AssetsBundle("/agent", "/agent", "index.html", "agent"));
    // What the agent page and the dashboard share (DOM helpers, the session, the sign-in form).
    bootstrap.addBundle(new AssetsBundle("/page-kit", "/page-kit", "page-kit.js", "page-kit"));
    DashboardAssets.register(bootstrap);
  }

  @Override
  protected void addDefaultCommands(Bootstrap<LeadCadenceConfiguration> bootstrap) {
    bootstrap.addCommand(new FailFastServerCommand(this));
    bootstrap.addCommand(new CheckCommand<>(this));
  }

  @Override
  public void run(LeadCadenceConfiguration config, Environment environment) {
    UnsetVariables.check(config);
    Optional<String> operatorKey = config.getAdmin().operatorKey();
    useOwnExceptionMappers(config);
    Ports.ensureConfiguredPortsFree(config);
    UnsubscribeLinks unsubscribeLinks = unsubscribeLinks(config, environment);
    // One Prometheus registry for the process (the app's, Temporal's and the JVM's series): admin /metrics.
    PrometheusMeterRegistry meters = Metrics.createRegistry(environment.lifecycle());
    Metrics.serveOnAdminPort(environment, meters);
    environment.jersey().register(new RejectedRequests(meters));
    Jdbi jdbi = openDatabase(config, environment);
    seedDemoDealership(config, jdbi);
    PlansAndTemplates checked = PlansAndTemplates.load(config.getTemplatesDir(), config.getCadencesDir());
    MessageTemplates templates = checked.templates();
    TemporalRuntime temporal = openTemporal(config, environment, meters);
    ProviderSenders providers = providerSenders(config);
    Senders senders = pacedSenders(config, timedSenders(providers, meters));
    AgentNotifier notifier = agentNotifier(config, jdbi, senders, templates);
    if (config.getTemporal().isRunWorker()) {
      runWorker(config, environment, jdbi, senders, templates, notifier, unsubscribeLinks, temporal, meters);
    }
    LeadWorkflows workflows = new LeadWorkflows(temporal.connection().client(), temporal.availability(),
        config.getTemporal().getCallTimeout().toJavaDuration(), meters);
    Shared shared = new Shared(jdbi, workflows,
        new WorkflowSignals(temporal.connection().client()),
        new OptOutRegistry(SharedDaos.onDemand(jdbi, OptOutDao.class)),
        new LeadFinder(jdbi), notifier, new DealershipCadences(checked.plans(), new CadencePlanLoader(templates),
            templates, SharedDaos.onDemand(jdbi, CadencePlanDao.class)), Clock.systemUTC(), meters);
    registerApi(config, environment, shared, temporal);
    registerAgentsAndTasks(environment, shared);
    registerReports(environment, shared);
    registerWebhooks(config, environment, shared);
    registerOutboundWebhooks(config, environment, shared, temporal);
    registerUnsubscribePage(environment, shared, unsubscribeLinks);
    registerAdmin(environment, shared, operatorKey);
    registerCadences(environment, shared, temporal);
    environment.jersey().register(OpenApiResource.fromClasspath());
    registerHealthChecks(config, environment, temporal, providers);
    environment.lifecycle().addServerLifecycleListener(
        server -> ReadyBanner.log(server, temporal, config.getDemo().isSeed()));
  }

  /** The {@code worker} command: the same start without HTTP; the worker always runs. */
  public void runWorkerOnly(LeadCadenceConfiguration config, Environment environment) {
    UnsetVariables.check(config);
    UnsubscribeLinks unsubscribeLinks = unsubscribeLinks(config, environment);
    Jdbi jdbi = openDatabase(config, environment);
    MessageTemplates templates =
        PlansAndTemplates.load(config.getTemplatesDir(), config.getCadencesDir()).templates();
    PrometheusMeterRegistry meters = Metrics.createRegistry(environment.lifecycle());
    adminEndpoint(config).ifPresent(admin ->
        environment.lifecycle().manage(new WorkerMetricsServer(meters, admin.getBindHost(), admin.getPort())));
    TemporalRuntime temporal = openTemporal(config, environment, meters);
    Senders senders = pacedSenders(config, timedSenders(providerSenders(config), meters));
    runWorker(config, environment, jdbi, senders, templates, agentNotifier(config, jdbi, senders, templates),
        unsubscribeLinks, temporal, meters);
  }

  /** The admin connector, whose port a worker process (no admin server of its own) serves /metrics on. */
  private static Optional<HttpConnectorFactory> adminEndpoint(LeadCadenceConfiguration config) {
    if (config.getServerFactory() instanceof DefaultServerFactory server && !server.getAdminConnectors().isEmpty()
        && server.getAdminConnectors().get(0) instanceof HttpConnectorFactory http) {
      return Optional.of(http);
    }
    return Optional.empty();
  }

  /** Every provider call timed, named by the provider that really answers it (or dry-run). */
  private static Senders timedSenders(ProviderSenders providers, MeterRegistry meters) {
    return TimedSenders.time(providers.senders(), providers.liveEmail() ? "sendgrid" : DryRunSenders.PROVIDER,
        providers.liveTwilio() ? "twilio" : DryRunSenders.PROVIDER, meters);
  }

  /**
   * One pace per channel for everything this process sends through a provider account: the cadence's
   * sends and the agents' and managers' notifications alike, so that a burst of new tasks cannot push
   * the account past {@code senders.perSecond} beside the cadence's own sends.
   */
  private static Senders pacedSenders(LeadCadenceConfiguration config, Senders senders) {
    return PacedSenders.pace(senders, config.getSenders().getPerSecond().toSendRates());
  }

  /**
   * /healthcheck on the admin port: the database ("mysql", registered by JdbiFactory with the pool),
   * Temporal, and each provider that sends for real (its credentials, asked with one free read a minute).
   */
  private static void registerHealthChecks(LeadCadenceConfiguration config, Environment environment,
      TemporalRuntime temporal, ProviderSenders providers) {
    environment.healthChecks().register("temporal",
        new TemporalHealthCheck(temporal.connection().stubs(), temporal.target().address()));
    var settings = config.getSenders().providerSettings();
    if (providers.liveEmail()) {
      environment.healthChecks().register("sendgrid",
          new ProviderCredentialsHealthCheck(CredentialsCheck.sendGrid(settings.sendGrid(), Clock.systemUTC())));
    }
    if (providers.liveTwilio()) {
      environment.healthChecks().register("twilio",
          new ProviderCredentialsHealthCheck(CredentialsCheck.twilio(settings.twilio(), Clock.systemUTC())));
    }
  }

  /**
   * Agents and managers hear of their work by SMS or email (their choice, on shift only) through the
   * same senders as the cadence, paced with them; the messages link to the agent page.
   */
  private static AgentNotifier agentNotifier(
      LeadCadenceConfiguration config, Jdbi jdbi, Senders senders, MessageTemplates templates) {
    String publicBaseUrl = config.getSenders().getPublicBaseUrl();
    String base = publicBaseUrl != null && !publicBaseUrl.isBlank()
        ? publicBaseUrl.strip().replaceAll("/+$", "")
        : "http://127.0.0.1:" + configuredApiPort(config);
    return new SendingAgentNotifier(SharedDaos.onDemand(jdbi, AgentDao.class),
        SharedDaos.onDemand(jdbi, DealershipDao.class), SharedDaos.onDemand(jdbi, LeadDao.class), senders, templates, Clock.systemUTC(), base + "/agent/");
  }

  /** What several parts of the API use, built once. */
  private record Shared(Jdbi jdbi, LeadWorkflows workflows, WorkflowSignals signals, OptOutRegistry optOuts,
      LeadFinder finder, AgentNotifier notifier, DealershipCadences cadences, Clock clock, MeterRegistry meters) {
    <T> T dao(Class<T> type) {
      return SharedDaos.onDemand(jdbi, type);
    }
  }

  /** Probe or embedded fallback, create, migrate; then the pool Dropwizard manages (and health-checks). */
  private static Jdbi openDatabase(LeadCadenceConfiguration config, Environment environment) {
    DatabaseStartup.PreparedDatabase database = DatabaseStartup.prepare(config, environment.metrics());
    database.embedded().ifPresent(embedded -> environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        embedded.stop();
      }
    }));
    DatabaseTimeouts.apply(config.getDatabase());
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "mysql");
    return StoreJdbi.configure(jdbi);
  }

  private static void seedDemoDealership(LeadCadenceConfiguration config, Jdbi jdbi) {
    if (config.getDemo().isSeed()) {
      new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    }
  }

  private static TemporalRuntime openTemporal(LeadCadenceConfiguration config, Environment environment,
      MeterRegistry meters) {
    TemporalRuntime temporal = TemporalRuntime.open(config.getTemporal(), meters);
    environment.lifecycle().manage(temporal);
    return temporal;
  }

  /** Registered after the Temporal runtime, so Dropwizard stops the worker first. */
  private static void runWorker(LeadCadenceConfiguration config, Environment environment, Jdbi jdbi,
      Senders senders, MessageTemplates templates, AgentNotifier notifier, UnsubscribeLinks unsubscribeLinks,
      TemporalRuntime temporal, MeterRegistry meters) {
    SendRates rates = config.getSenders().getPerSecond().toSendRates();
    CadenceActivities activities = CadenceActivities.create(jdbi, senders, templates,
        notifier, unsubscribeLinks, sendAttemptLimit(config), meters);
    WorkerFactory factory = WorkerFactory.newInstance(temporal.connection().client(),
        CadenceWorkers.factoryOptions()
            .setWorkflowHostLocalTaskQueueScheduleToStartTimeout(
                config.getTemporal().getStickyQueueTimeout().toJavaDuration())
            .build());
    Worker worker = CadenceWorkers.register(factory, activities.touch(), activities.leadRecord(), activities.task(),
        rates, webhookActivities(config.getWebhooks(), jdbi, meters));
    CadenceWorkers.registerMigrations(worker, new PlanMigrationActivitiesImpl(
        SharedDaos.onDemand(jdbi, CadenceMigrationDao.class),
        temporal.connection().client(), Clock.systemUTC()));
    environment.lifecycle().manage(new ManagedWorkerFactory(factory, temporal.availability()));
  }

  /** The outbound webhooks' HTTP side, run by the worker. */
  private static WebhookActivitiesImpl webhookActivities(WebhookSettings settings, Jdbi jdbi, MeterRegistry meters) {
    return new WebhookActivitiesImpl(SharedDaos.onDemand(jdbi, LeadEventDao.class),
        SharedDaos.onDemand(jdbi, WebhookSubscriptionDao.class),
        SharedDaos.onDemand(jdbi, WebhookDeliveryDao.class), new ReceiverAddresses(settings.isAllowPrivateAddresses()),
        settings.getConnectTimeout().toJavaDuration(), settings.getRequestTimeout().toJavaDuration(),
        Clock.systemUTC(), meters);
  }

  /**
   * The CRM's webhooks: /v1/webhooks, and the dispatcher that hands the outbox's events to their
   * delivery workflows (with the in-memory embedded server, it also re-hands PENDING deliveries at start).
   */
  private static void registerOutboundWebhooks(LeadCadenceConfiguration config, Environment environment,
      Shared shared, TemporalRuntime temporal) {
    WebhookSettings settings = config.getWebhooks();
    environment.jersey().register(new WebhookResource(new WebhookSubscriptions(
        shared.dao(WebhookSubscriptionDao.class), shared.dao(WebhookDeliveryDao.class),
        new ReceiverAddresses(settings.isAllowPrivateAddresses()))));
    DeliveryWorkflows workflows = new DeliveryWorkflows(temporal.connection().client(), temporal.availability(),
        settings.retry());
    environment.lifecycle().manage(new WebhookDispatcher(shared.dao(LeadEventDao.class),
        shared.dao(WebhookSubscriptionDao.class), shared.dao(WebhookDeliveryDao.class), workflows,
        settings.getDispatchInterval().toJavaDuration(), settings.getGiveUpAfter().toJavaDuration(),
        temporal.embedded(), shared.clock()));
  }

  /**
   * How long a send attempt can live at worst with the clients' configured answer timeout
   * ({@code senders.timeout}, capped at 20 s): 90 s at the default 20 s. A touch left SENDING by an
   * attempt older than this (a killed worker) is taken over by the next attempt.
   */
  private static java.time.Duration sendAttemptLimit(LeadCadenceConfiguration config) {
    return ProviderTimeouts.sendAttempt(config.getSenders().getTimeout().toJavaDuration());
  }

  /** Dry-run unless the configuration asks for providers and has their credentials. */
  private static ProviderSenders providerSenders(LeadCadenceConfiguration config) {
    try {
      return ProviderSenders.create(config.getSenders().providerSettings(), new DryRunOutbox());
    } catch (RuntimeException e) {
      throw StartupFailure.because("the senders configuration is incomplete", e);
    }
  }

  /**
   * ADF/XML leads, posted ({@code /v1/leads/adf}) or e-mailed through SendGrid Inbound Parse
   * ({@code /webhooks/sendgrid/inbound}, multipart), both into the same intake as JSON.
   */
  private static void registerAdfIntake(LeadCadenceConfiguration config, Environment environment, Shared shared,
      LeadIntake intake) {
    AdfIntake adf = new AdfIntake(new AdfParser(), environment.getValidator(), intake);
    environment.jersey().register(new AdfLeadResource(adf));
    environment.jersey().register(MultiPartFeature.class);
    environment.jersey().register(new SendGridInboundResource(config.getInboundEmail().getUser(),
        config.getInboundEmail().getPassword(),
        new InboundMailIntake(shared.dao(DealershipDao.class), shared.dao(InboundMessageDao.class), adf),
        environment.getObjectMapper()));
  }

  private static void registerApi(LeadCadenceConfiguration config, Environment environment, Shared shared,
      TemporalRuntime temporal) {
    environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // A misspelt field ("timeFrame") would otherwise be dropped silently and skew the score.
    environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    registerErrorHandling(environment);
    ApiKeyAuthenticator authenticator =
        new ApiKeyAuthenticator(shared.dao(DealershipDao.class), shared.dao(AgentDao.class));
    registerAuth(environment, authenticator);
    environment.jersey().register(new SessionResource(authenticator));
    LeadIntake intake = new LeadIntake(shared.jdbi(), shared.optOuts(), shared.workflows(), shared.notifier(),
        shared.cadences(), shared.clock(), shared.meters());
    environment.jersey().register(new LeadResource(shared.dao(LeadDao.class), shared.dao(TouchDao.class),
        shared.dao(OutcomeDao.class), intake, new LeadOptOuts(shared.optOuts()), shared.workflows(),
        reassignment(shared), new LeadSearch(shared.dao(LeadSearchDao.class)), shared.dao(LeadChangeDao.class)));
    registerHistoryAndTimeline(environment, shared);
    registerAdfIntake(config, environment, shared, intake);
    // Periodic: leads left STARTING (Temporal down at intake, a lost reply) get their workflow within a
    // minute, and at once when Temporal answers again.
    LeadReconciler reconciler = new LeadReconciler(shared.jdbi(), shared.optOuts(), shared.workflows(), shared.cadences(),
        temporal.embedded() ? LeadReconciler.Scope.OPEN_LEADS : LeadReconciler.Scope.STARTING_LEADS);
    temporal.availability().whenAvailable(reconciler::trigger);
    environment.lifecycle().manage(reconciler);
  }

  /** The dealership's cadence plans: the defaults read at start, its own versions, and migrations of running leads. */
  private static void registerCadences(Environment environment, Shared shared, TemporalRuntime temporal) {
    environment.jersey().register(new CadenceResource(shared.cadences(),
        new CadenceVariants(shared.cadences(), shared.dao(VariantReportDao.class)),
        new PlanMigrations(shared.cadences(), shared.dao(CadenceMigrationDao.class),
            new MigrationWorkflows(temporal.connection().client(), temporal.availability()), shared.clock())));
  }

  /** A lead's workflow history from Temporal, and its timeline from the database. */
  private static void registerHistoryAndTimeline(Environment environment, Shared shared) {
    environment.jersey().register(new LeadHistoryResource(new LeadHistory(shared.dao(LeadDao.class), shared.workflows())));
    environment.jersey().register(new LeadTimelineResource(new LeadTimeline(shared.dao(LeadDao.class),
        shared.dao(TouchDao.class), shared.dao(OutcomeDao.class), shared.dao(TaskDao.class), shared.dao(OptOutDao.class),
        shared.dao(LeadChangeDao.class), shared.dao(AgentDao.class))));
  }

  private static LeadReassignment reassignment(Shared shared) {
    return new LeadReassignment(shared.dao(LeadDao.class), shared.dao(AgentDao.class), shared.dao(TaskDao.class),
        shared.workflows(), shared.notifier(), shared.clock());
  }

  /** Agents and managers, their tasks and the live task stream. */
  private static void registerAgentsAndTasks(Environment environment, Shared shared) {
    environment.jersey().register(new AgentResource(new AgentService(shared.dao(AgentDao.class), reassignment(shared))));
    TaskEventHub hub = new TaskEventHub(shared.dao(TaskEventDao.class), environment.getObjectMapper());
    environment.lifecycle().manage(hub);
    environment.lifecycle().addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopping(LifeCycle server) {
        hub.closeStreams();
      }
    });
    TaskService tasks = new TaskService(shared.dao(TaskDao.class), shared.dao(LeadDao.class),
        shared.dao(TouchDao.class), shared.dao(OutcomeDao.class), shared.optOuts(), shared.workflows(), shared.clock());
    environment.jersey().register(new TaskResource(tasks, hub));
  }

  /**
   * Managers' reports: funnel, speed to lead, leads at risk (issue 9), with the background refresh of the
   * leads' report facts.
   */
  private static void registerReports(Environment environment, Shared shared) {
    environment.jersey().register(new ReportResource(new ReportService(shared.dao(FunnelReportDao.class),
        shared.dao(AgentDao.class), shared.clock())));
    environment.lifecycle().manage(new ReportFactsRefresher(shared.jdbi(), REPORT_FACTS_REFRESH_INTERVAL));
  }

  /**
   * Provider webhooks, always registered: one whose provider has no verification secret configured
   * answers 403 to everything, since an unverifiable request is never trusted.
   */
  private static void registerWebhooks(LeadCadenceConfiguration config, Environment environment, Shared shared) {
    ProviderWebhooks webhooks;
    try {
      webhooks = ProviderWebhooks.from(config.getSenders());
    } catch (RuntimeException e) {
      throw StartupFailure.because("the webhook configuration is not usable", e);
    }
    ProviderEvents events = new ProviderEvents(shared.dao(ProviderEventDao.class));
    WorkflowSignals signals = shared.signals();
    LeadFinder finder = shared.finder();
    OptOutRegistry optOuts = shared.optOuts();
    AgentTasks tasks = new AgentTasks(shared.dao(TaskDao.class), shared.dao(DealershipDao.class), shared.notifier(),
        signals, shared.clock());
    DeliveryReports reports = new DeliveryReports(shared.dao(TouchDao.class), finder, signals);
    environment.jersey().register(new TwilioWebhookResource(webhooks, events,
        new InboundTexts(finder, optOuts, signals, tasks),
        new TwilioStatusCallbacks(reports),
        new VoicemailAnswers(webhooks.callControl(), reports, finder, tasks),
        environment.getObjectMapper()));
    environment.jersey().register(new SendGridWebhookResource(webhooks, events,
        new SendGridEvents(finder, reports, optOuts, signals, events), environment.getObjectMapper()));
  }

  /**
   * Signed links to the unsubscribe page, on PUBLIC_BASE_URL; without one (dev) on this machine's API
   * port, so dry-run emails show a link that works locally. The port is the one the server really bound
   * (0 in tests), learnt when it starts; the worker command, which has no server, uses the configured one.
   */
  private static UnsubscribeLinks unsubscribeLinks(LeadCadenceConfiguration config, Environment environment) {
    String secret = config.getUnsubscribe().signingSecret();
    String publicBaseUrl = config.getSenders().getPublicBaseUrl();
    if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
      String base = publicBaseUrl.strip();
      return new UnsubscribeLinks(secret, () -> base);
    }
    AtomicInteger apiPort = new AtomicInteger(configuredApiPort(config));
    environment.lifecycle().addServerLifecycleListener(server -> apiPort.set(firstLocalPort(server, apiPort.get())));
    return new UnsubscribeLinks(secret, () -> "http://127.0.0.1:" + apiPort.get());
  }

  private static int configuredApiPort(LeadCadenceConfiguration config) {
    ConnectorFactory connector = null;
    if (config.getServerFactory() instanceof DefaultServerFactory server
        && !server.getApplicationConnectors().isEmpty()) {
      connector = server.getApplicationConnectors().get(0);
    } else if (config.getServerFactory() instanceof SimpleServerFactory server) {
      connector = server.getConnector();
    }
    return connector instanceof HttpConnectorFactory http ? http.getPort() : 8080;
  }

  /** The application connector's bound port (the admin one is named "admin..."). */
  private static int firstLocalPort(Server server, int fallback) {
    for (Connector connector : server.getConnectors()) {
      String name = connector.getName() == null ? "" : connector.getName();
      if (connector instanceof NetworkConnector network && !name.contains("admin")) {
        return network.getLocalPort();
      }
    }
    return fallback;
  }

  /** GET /unsubscribe/{token}: the page behind every email's link; the token is its authorisation. */
  private static void registerUnsubscribePage(Environment environment, Shared shared, UnsubscribeLinks links) {
    EmailOptOuts emailOptOuts = new EmailOptOuts(shared.finder(), shared.optOuts(), shared.signals());
    environment.jersey().register(new UnsubscribeResource(links, shared.finder(), emailOptOuts));
  }

  /** The operator's API: onboarding dealerships and their keys, behind ADMIN_API_KEY only. */
  private static void registerAdmin(Environment environment, Shared shared, Optional<String> operatorKey) {
    if (operatorKey.isEmpty()) {
      LOG.warn("admin.apiKey (ADMIN_API_KEY) is not set: the admin API (/v1/admin/...) refuses every request");
    }
    environment.jersey().register(new OperatorKeyFilter(operatorKey));
    environment.jersey().register(new AdminDealershipResource(new DealershipOnboarding(shared.dao(DealershipDao.class))));
  }

  /** Our mappers replace Dropwizard's defaults so every error has the same JSON body. */
  private static void registerErrorHandling(Environment environment) {
    environment.jersey().register(new RequestSizeLimitFilter(MAX_REQUEST_BYTES, Map.of(
        CallbackUrls.SENDGRID_EVENTS_PATH, MAX_SENDGRID_EVENTS_BYTES,
        SendGridInboundResource.PATH, MAX_INBOUND_EMAIL_BYTES)));
    environment.jersey().register(new UnreadBodyDrainFilter());
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new JsonProcessingExceptionMapper());
    environment.jersey().register(new ViolationExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new CadenceExceptionMappers.Ended());
    environment.jersey().register(new CadenceExceptionMappers.Unavailable());
    environment.jersey().register(new UnexpectedExceptionMapper());
  }

  private static void registerAuth(Environment environment, ApiKeyAuthenticator authenticator) {
    environment.jersey().register(new AuthDynamicFeature(
        new BearerOrCookieAuthFilter.Builder()
            .setAuthenticator(authenticator)
            .setPrefix("Bearer")
            .setRealm("lead-cadence")
            .setUnauthorizedHandler(new JsonUnauthorizedHandler())
            .buildAuthFilter()));
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(DealershipPrincipal.class));
  }

  /** Dropwizard's default mappers would answer in their own format; ours are registered instead. */
  private static void useOwnExceptionMappers(LeadCadenceConfiguration config) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
  }
}
