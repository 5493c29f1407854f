package com.leadcadence.activities;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.leadcadence.activities.faults.ProviderStandIn;
import com.leadcadence.activities.faults.ProviderStandIn.Answer;
import com.leadcadence.activities.faults.ProviderStandIn.Create;
import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.providers.ProviderSenders;
import com.leadcadence.activities.providers.ProviderSettings;
import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.activities.providers.twilio.TwilioSettings;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.ProviderTimeouts;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.model.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Provider stand-in faults (issue 7): the real TouchActivitiesImpl with the real Twilio and SendGrid
 * senders (as ProviderSenders builds them) against a local stand-in that answers slowly, with 500s after
 * accepting, 503s, 429s and connection resets, and answers Twilio's list lookups from what it accepted.
 * Each step is retried as Temporal would (start-to-close, backoff, a timed-out attempt left running), and
 * the stand-in's own log is checked message by message.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProviderFaultsTest {
  /** The clients' answer timeout here; a SLOW answer takes longer. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofMillis(1_500);
  private static final Duration SLOW_ANSWER = Duration.ofMillis(2_200);
  private static final int MAX_ATTEMPTS = 40;
  /** Every fault, then OK; lead i gets plan (i + channel offset) so each channel meets each plan. */
  private static final List<List<Answer>> PLANS = List.of(
      List.of(Answer.SLOW),
      List.of(Answer.ACCEPT_THEN_500),
      List.of(Answer.REFUSE_503, Answer.REFUSE_429),
      List.of(Answer.RESET),
      List.of(Answer.ACCEPT_THEN_RESET),
      List.of(Answer.REFUSE_429, Answer.ACCEPT_THEN_500, Answer.SLOW),
      List.of());
  private static final Map<Channel, String> TEMPLATES = Map.of(
      Channel.EMAIL, "ack", Channel.SMS, "intro", Channel.VOICEMAIL, "vm-intro");
  private static final Map<Channel, Integer> STEPS = Map.of(Channel.EMAIL, 0, Channel.SMS, 2, Channel.VOICEMAIL, 5);

  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static AgentRow agent;
  private static ProviderStandIn standIn;
  private static WireMockServer stub;
  private static final AtomicInteger leadNumbers = new AtomicInteger();

  private final ExecutorService attemptThreads = Executors.newCachedThreadPool();
  private final Map<String, Integer> attemptsTimedOut = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agent = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
    standIn = new ProviderStandIn(SLOW_ANSWER);
    stub = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(60).extensions(standIn));
    stub.start();
    stub.stubFor(any(anyUrl()).willReturn(ok()));
  }

  @AfterAll
  static void stop() {
    stub.stop();
    db.close();
  }

  private static boolean warm;

  /**
   * One message per channel with an unclear answer and its lookup, before anything is judged: on two
   * cores the first requests of a fresh JVM (class loading, JIT, Jetty) can take longer than the clients
   * wait, which would turn a planned clear answer into an unclear one.
   */
  @BeforeEach
  void warmUpThenClear() throws Exception {
    if (!warm) {
      warm = true;
      TouchActivitiesImpl touches = activities();
      List<Future<TouchResult>> done = new ArrayList<>();
      ExecutorService warmers = Executors.newFixedThreadPool(3);
      for (TouchRequest request : leadWithPlans(i -> List.of(Answer.ACCEPT_THEN_500))) {
        done.add(warmers.submit(() -> likeTemporal(touches, request, Duration.ofSeconds(30))));
      }
      for (Future<TouchResult> result : done) {
        assertNotNull(result.get(60, TimeUnit.SECONDS));
      }
      warmers.shutdown();
      attemptsTimedOut.clear();
    }
    standIn.reset();
  }

  /** A new lead with an email and a phone, and its email, text and voicemail steps with these plans. */
  private List<TouchRequest> leadWithPlans(java.util.function.IntFunction<List<Answer>> planForChannel) {
    List<Channel> channels = List.of(Channel.EMAIL, Channel.SMS, Channel.VOICEMAIL);
    int n = leadNumbers.incrementAndGet();
    String phone = "+1312555%04d".formatted(1000 + n);
    String email = "lead%d@example.com".formatted(n);
    long leadId = newLead(jdbi, dealershipId, "fault-" + n + "-" + System.nanoTime(), email, phone, agent.id());
    List<TouchRequest> requests = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      Channel channel = channels.get(c);
      standIn.plan(channel, channel == Channel.EMAIL ? email : phone, planForChannel.apply(c));
      requests.add(new TouchRequest(leadId, dealershipId, WorkflowIds.forLead(leadId), STEPS.get(channel),
          channel.name().toLowerCase() + "-" + STEPS.get(channel), channel, TEMPLATES.get(channel),
          ActivitiesTestSupport.T0, agent.id(), null));
    }
    return requests;
  }

  private TouchActivitiesImpl activities() {
    ProviderSettings settings = new ProviderSettings("https://leads.example-dealer.test",
        new TwilioSettings(ProviderStandIn.ACCOUNT_SID, "test-auth-token", "+13125550100", null, stub.baseUrl()),
        new SendGridSettings("SG.test-key", null, null, List.of(), stub.baseUrl()),
        ANSWER_TIMEOUT);
    ProviderSenders providers = ProviderSenders.create(settings, new DryRunOutbox());
    assertTrue(providers.liveEmail() && providers.liveTwilio());
    return new TouchActivitiesImpl(jdbi, providers.senders(), ActivitiesTestSupport.repoTemplates(),
        new OptOutRegistry(jdbi.onDemand(OptOutDao.class)), new RecordingAgentNotifier(), UnsubscribeUrls.NONE,
        ProviderTimeouts.sendAttempt(ANSWER_TIMEOUT), new SimpleMeterRegistry());
  }

  @Test
  void everyTextAndDropOnceEveryEmailAtLeastOnceNothingCountedSentIsMissing() throws Exception {
    // Start-to-close as the workflow sizes it from the clients' timeouts: no attempt outlives it.
    runScenario(ProviderTimeouts.sendStartToClose(ANSWER_TIMEOUT));
    assertTrue(attemptsTimedOut.isEmpty(), "no attempt may outlive start-to-close: " + attemptsTimedOut);
  }

  @Test
  void aStartToCloseShorterThanTheClientsStillSendsNothingTwice() throws Exception {
    // The old misconfiguration (the activity gives up before the client): Temporal starts retries while
    // the abandoned attempt still waits on the provider; the attempt token keeps them apart.
    runScenario(ANSWER_TIMEOUT.multipliedBy(7).dividedBy(10));
    assertFalse(attemptsTimedOut.isEmpty(), "the short start-to-close should have abandoned attempts");
  }

  private void runScenario(Duration startToClose) throws Exception {
    TouchActivitiesImpl touches = activities();
    List<TouchRequest> requests = new ArrayList<>();
    for (int i = 0; i < PLANS.size(); i++) {
      int lead = i;
      requests.addAll(leadWithPlans(c -> PLANS.get((lead + 2 * c) % PLANS.size())));
    }

    ExecutorService drivers = Executors.newFixedThreadPool(requests.size());
    List<Future<TouchResult>> results = new ArrayList<>();
    for (TouchRequest request : requests) {
      results.add(drivers.submit(() -> likeTemporal(touches, request, startToClose)));
    }
    for (int i = 0; i < requests.size(); i++) {
      TouchResult result = results.get(i).get(80, TimeUnit.SECONDS);
      assertNotNull(result, "retries ran out for " + requests.get(i).idempotencyKey());
      assertEquals(TouchStatus.SENT, result.status(), requests.get(i).idempotencyKey());
    }
    drivers.shutdown();
    // Let abandoned attempts finish, as a worker would, before judging: their late answers must not matter.
    attemptThreads.shutdown();
    assertTrue(attemptThreads.awaitTermination(20, TimeUnit.SECONDS));

    TouchDao dao = jdbi.onDemand(TouchDao.class);
    List<Create> log = standIn.log();
    for (TouchRequest request : requests) {
      TouchRow row = dao.findByIdempotencyKey(request.idempotencyKey()).orElseThrow();
      List<Create> creates = log.stream()
          .filter(c -> c.channel() == request.channel() && c.recipient().equals(row.recipient()))
          .toList();
      List<String> acceptedIds = creates.stream().filter(c -> c.id() != null).map(Create::id).toList();
      String which = request.channel() + " to " + row.recipient() + " " + creates;

      assertEquals(TouchState.SENT, row.status(), which);
      assertTrue(acceptedIds.contains(row.providerId()),
          "counted as sent but missing at the stand-in: " + row.providerId() + " " + which);
      if (request.channel() == Channel.EMAIL) {
        assertFalse(acceptedIds.isEmpty(), which);
        int firstClear = indexOfFirstClearAcceptance(creates);
        assertEquals(creates.size() - 1, firstClear, "an email was sent again after a clear answer: " + which);
        long unclearAcceptances = creates.stream().filter(c -> c.answer().accepts && !c.answer().clear).count();
        assertEquals(1 + unclearAcceptances, acceptedIds.size(),
            "a second email may only follow an unclear answer: " + which);
        creates.forEach(c -> assertEquals(Long.toString(row.id()), c.touchId(), "custom_args.touch_id"));
      } else {
        assertEquals(1, acceptedIds.size(), "a text or drop went out twice (or never): " + which);
        assertEquals(acceptedIds.get(0), row.providerId(), which);
      }
    }
    assertEquals(0, dao.countByStatus(TouchState.UNCONFIRMED));
    List<String> lookups = standIn.lookups();
    System.out.printf("provider faults, start-to-close %s: %d touches, %d create requests, %d accepted"
        + " (%d extra emails, each after an unclear answer), %d lookups, %d attempts abandoned%n",
        startToClose, requests.size(), log.size(), standIn.accepted().size(),
        standIn.accepted().size() - requests.size(), lookups.size(),
        attemptsTimedOut.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(lookups.stream().anyMatch(q -> q.contains("DateSent%3E=") && q.contains("From=")), lookups.toString());
    assertTrue(lookups.stream().anyMatch(q -> q.contains("StartTime%3E=") && q.contains("From=")), lookups.toString());
  }

  @Test
  void theClientsGiveUpOnASlowAnswerWithinTheirWorstCase() {
    ProviderSenders providers = ProviderSenders.create(new ProviderSettings("https://leads.example-dealer.test",
        new TwilioSettings(ProviderStandIn.ACCOUNT_SID, "test-auth-token", "+13125550100", null, stub.baseUrl()),
        new SendGridSettings("SG.test-key", null, null, List.of(), stub.baseUrl()), ANSWER_TIMEOUT),
        new DryRunOutbox());
    standIn.plan(Channel.SMS, "+13125559001", List.of(Answer.SLOW));
    standIn.plan(Channel.EMAIL, "slow@example.com", List.of(Answer.SLOW));
    Duration worst = ProviderTimeouts.request(ANSWER_TIMEOUT);

    long start = System.nanoTime();
    assertThrows(ProviderOutcomeUnknownException.class, () -> providers.senders().sms().send(
        new SmsMessage("+13125559001", "+13125550100", "Hi", "k-sms", 1, 1)));
    Duration sms = Duration.ofNanos(System.nanoTime() - start);
    start = System.nanoTime();
    assertThrows(ProviderOutcomeUnknownException.class, () -> providers.senders().email().send(
        new EmailMessage("slow@example.com", "Lakeside", "sales@example.com", "Hi", "Hi", "k-email", 1, 1)));
    Duration email = Duration.ofNanos(System.nanoTime() - start);

    System.out.printf("a slow answer (%s) ends the request after: twilio %d ms, sendgrid %d ms (worst case %s)%n",
        SLOW_ANSWER, sms.toMillis(), email.toMillis(), worst);
    assertTrue(sms.compareTo(ANSWER_TIMEOUT) >= 0 && sms.compareTo(worst) < 0, sms.toString());
    assertTrue(email.compareTo(ANSWER_TIMEOUT) >= 0 && email.compareTo(worst) < 0, email.toString());
    assertTrue(ProviderTimeouts.SEND_START_TO_CLOSE.compareTo(ProviderTimeouts.sendAttempt(Duration.ofHours(1))) > 0,
        "start-to-close must exceed an attempt's worst case, whatever timeout is configured");
  }

  private static int indexOfFirstClearAcceptance(List<Create> creates) {
    for (int i = 0; i < creates.size(); i++) {
      if (creates.get(i).answer() == Answer.OK) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Retries like Temporal: each attempt gets start-to-close, then is abandoned (its thread goes on, as a
   * worker's would) and the next one starts after a backoff from 100 ms doubling to 1 s. Null if retries
   * ran out.
   */
  private TouchResult likeTemporal(TouchActivitiesImpl touches, TouchRequest request, Duration startToClose)
      throws InterruptedException {
    long backoff = 100;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Future<TouchResult> running = attemptThreads.submit(() -> touches.perform(request));
      try {
        return running.get(startToClose.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
      } catch (TimeoutException e) {
        attemptsTimedOut.merge(request.idempotencyKey(), 1, Integer::sum);
      }
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, 1_000);
    }
    return null;
  }
}
