package com.leadcadence.activities;

import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static com.leadcadence.activities.ActivitiesTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.InvalidNumberSmsSender;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.OutboxMessage;
import com.leadcadence.activities.senders.RefusedOnceSmsSender;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.senders.TimeoutAfterAcceptanceSmsSender;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchResult;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.StepTiming;
import com.leadcadence.workflows.model.TemplateVariant;
import com.leadcadence.workflows.model.TimingVariant;
import com.leadcadence.workflows.plan.StepTimings;
import com.leadcadence.workflows.plan.VariantChoice;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TouchActivitiesImplTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static AgentRow agent;

  private final DryRunOutbox outbox = new DryRunOutbox();
  private final RecordingAgentNotifier notifier = new RecordingAgentNotifier();
  private OptOutRegistry optOuts;
  private int leadCounter;

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    agent = jdbi.onDemand(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void setUp() {
    optOuts = new OptOutRegistry(jdbi.onDemand(OptOutDao.class));
  }

  private TouchActivitiesImpl activities(SmsSender sms) {
    return new TouchActivitiesImpl(jdbi, DryRunSenders.all(outbox).withSms(sms), ActivitiesTestSupport.repoTemplates(),
        optOuts, notifier, new SimpleMeterRegistry());
  }

  private TouchActivitiesImpl activities() {
    return activities(new DryRunSenders(outbox));
  }

  private long lead(String email, String phone) {
    return newLead(jdbi, dealershipId, "touch-" + (++leadCounter) + "-" + System.nanoTime(), email, phone, agent.id());
  }

  private static TouchRow touch(TouchResult result) {
    return jdbi.onDemand(TouchDao.class).findById(result.touchId()).orElseThrow();
  }

  @Test
  void theSameStepTwiceSendsOnceAndReturnsTheSameTouch() {
    long leadId = lead("Jane.Doe@Example.com", "+13125550123");
    TouchRequest ack = request(leadId, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null);
    TouchActivitiesImpl touches = activities();

    TouchResult first = touches.perform(ack);
    TouchResult second = touches.perform(ack);

    assertEquals(first, second);
    assertEquals(TouchStatus.SENT, first.status());
    assertEquals(1, outbox.size());
    OutboxMessage sent = outbox.messages().get(0);
    assertEquals("Jane.Doe@Example.com", sent.to());
    assertEquals("sales@lakeside-motors.example", sent.from());
    assertEquals(first.touchId(), sent.touchId());
    assertEquals(ack.idempotencyKey(), sent.idempotencyKey());

    TouchRow row = touch(first);
    assertEquals(TouchState.SENT, row.status());
    assertEquals(sent.subject(), row.subject());
    assertEquals(sent.body(), row.body());
    assertTrue(row.body().contains("Maria Alvarez"), row.body());
    assertEquals("dry-run", row.provider());
    assertEquals(sent.providerId(), row.providerId());
    assertEquals(ack.performedAt(), row.performedAt());
    assertEquals(ack.performedAt(), jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().firstResponseAt());
  }

  @Test
  void aStepWithVariantsSendsAndStoresTheVariantTheLeadGets() {
    List<TemplateVariant> variants = List.of(new TemplateVariant("ack", 1), new TemplateVariant("options", 1));
    Map<String, String> subjectStart = Map.of("ack", "Thanks for contacting", "options", "Options that could work");
    TouchActivitiesImpl touches = activities();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      long leadId = lead("lead" + i + "@example.com", null);
      TouchRequest step = new TouchRequest(leadId, dealershipId, WorkflowIds.forLead(leadId), 3, "email-2",
          Channel.EMAIL, "ack", ActivitiesTestSupport.T0, agent.id(), null, null, null, variants);
      String expected = VariantChoice.of(leadId, "email-2", variants).template();

      TouchResult result = touches.perform(step);
      assertEquals(result, touches.perform(step), "a retry answers the first attempt's touch");

      TouchRow row = touch(result);
      assertEquals(expected, row.variant());
      assertEquals(expected, row.templateId(), "the touch names the template it sent");
      assertTrue(row.subject().startsWith(subjectStart.get(expected)), expected + ": " + row.subject());
      seen.add(row.variant());
    }
    // 16 leads at 1:1: both variants appear unless the hash is broken (odds 2 in 65,536).
    assertEquals(Set.of("ack", "options"), seen);
    assertEquals(16, outbox.size(), "each lead's step sent once");

    long plain = lead("plain@example.com", null);
    assertNull(touch(touches.perform(request(plain, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null)))
        .variant(), "a step with one template has no variant");
  }

  /** A step with A/B timings only: the one template goes, and the touch names the lead's timing. */
  @Test
  void aStepWithTimingVariantsStoresTheTimingTheLeadGets() {
    List<TimingVariant> timings = List.of(
        new TimingVariant(StepTiming.onDay(2, java.time.LocalTime.of(10, 0)), 1),
        new TimingVariant(StepTiming.afterStart(java.time.Duration.ofHours(4)), 1));
    TouchActivitiesImpl touches = activities();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 16; i++) {
      long leadId = lead("timed" + i + "@example.com", null);
      TouchRequest step = new TouchRequest(leadId, dealershipId, WorkflowIds.forLead(leadId), 4, "email-3",
          Channel.EMAIL, "options", ActivitiesTestSupport.T0, agent.id(), null, null, null, null, timings);
      String expected = "time:" + StepTimings.label(StepTimings.chosen(leadId, "email-3", timings).timing());

      TouchRow row = touch(touches.perform(step));
      assertEquals(expected, row.variant());
      assertEquals("options", row.templateId());
      seen.add(row.variant());
    }
    assertEquals(Set.of("time:day 2 at 10:00", "time:+4h"), seen);
  }

  @Test
  void aRetryAfterTheProviderAcceptedFindsItThereAndDoesNotSendAgain() {
    long leadId = lead("jane@example.com", "+13125550124");
    TimeoutAfterAcceptanceSmsSender flaky = new TimeoutAfterAcceptanceSmsSender(new DryRunSenders(outbox));
    TouchActivitiesImpl touches = activities(flaky);
    TouchRequest intro = request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null);

    assertThrows(IllegalStateException.class, () -> touches.perform(intro));
    TouchRow unclear = jdbi.onDemand(TouchDao.class).findByIdempotencyKey(intro.idempotencyKey()).orElseThrow();
    assertEquals(TouchState.UNCONFIRMED, unclear.status(), "an unclear answer is never recorded as sent");
    assertNull(jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().firstResponseAt());
    TouchResult retry = touches.perform(intro);

    assertEquals(TouchStatus.SENT, retry.status());
    assertTrue(retry.detail().contains("confirmed by lookup"), retry.detail());
    assertEquals(1, flaky.calls(), "the retry must not reach the provider");
    assertEquals(1, outbox.messagesForLead(leadId).size());
    TouchRow row = touch(retry);
    assertEquals(TouchState.SENT, row.status());
    assertEquals("+13125550124", row.recipient());
    assertTrue(row.body().endsWith("Reply STOP to opt out"), row.body());
    assertEquals(intro.performedAt(), jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().firstResponseAt());
  }

  @Test
  void aRetryAfterAFailureBeforeTheProviderSendsOnce() {
    long leadId = lead(null, "+13125550125");
    TouchActivitiesImpl touches = activities(new RefusedOnceSmsSender(new DryRunSenders(outbox)));
    TouchRequest intro = request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null);

    assertThrows(MessageNotSentException.class, () -> touches.perform(intro));
    assertEquals(TouchState.PENDING,
        jdbi.onDemand(TouchDao.class).findByIdempotencyKey(intro.idempotencyKey()).orElseThrow().status());
    TouchResult retry = touches.perform(intro);

    assertEquals(TouchStatus.SENT, retry.status());
    assertEquals(1, outbox.messagesForLead(leadId).size());
    assertEquals("dry-run", touch(retry).provider());
  }

  @Test
  void anEmailWithAnUnclearAnswerIsSentAgainSinceItCannotBeLookedUp() {
    long leadId = lead("jane.unclear@example.com", null);
    List<EmailMessage> attempts = new ArrayList<>();
    EmailSender unclearOnce = m -> {
      attempts.add(m);
      if (attempts.size() == 1) {
        throw new IllegalStateException("simulated 502 from a proxy");
      }
      return new SendReceipt("test", "email-" + attempts.size());
    };
    TouchActivitiesImpl touches = new TouchActivitiesImpl(jdbi,
        new Senders(unclearOnce, new DryRunSenders(outbox), new DryRunSenders(outbox)),
        ActivitiesTestSupport.repoTemplates(), optOuts, notifier, new SimpleMeterRegistry());
    TouchRequest ack = request(leadId, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null);

    assertThrows(IllegalStateException.class, () -> touches.perform(ack));
    assertEquals(TouchState.UNCONFIRMED, touchByKey(ack).status());
    TouchResult retry = touches.perform(ack);

    assertEquals(TouchStatus.SENT, retry.status());
    assertEquals(2, attempts.size(), "at least once: the email goes out again");
    assertEquals(attempts.get(0).body(), attempts.get(1).body());
    assertEquals("email-2", touch(retry).providerId());
  }

  @Test
  void aSupersededAttemptsLateAnswerChangesNothing() throws Exception {
    long leadId = lead(null, "+13125550199");
    CountDownLatch firstInProvider = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    DryRunSenders dryRun = new DryRunSenders(outbox);
    SmsSender slowThenFine = new SmsSender() {
      @Override
      public SendReceipt send(SmsMessage m) {
        if (calls.incrementAndGet() == 1) {
          firstInProvider.countDown();
          await(releaseFirst);
          throw new MessageNotSentException("simulated late 503 of the abandoned attempt", null);
        }
        return dryRun.send(m);
      }

      @Override
      public SentLookup lookUp(SmsMessage m, Instant since) {
        return dryRun.lookUp(m, since);
      }
    };
    // Attempts live at most 2 s here, so the second may take the touch over from the first after that.
    TouchActivitiesImpl touches = new TouchActivitiesImpl(jdbi, DryRunSenders.all(outbox).withSms(slowThenFine),
        ActivitiesTestSupport.repoTemplates(), optOuts, notifier, UnsubscribeUrls.NONE, Duration.ofSeconds(2),
        new SimpleMeterRegistry());
    TouchRequest intro = request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null);

    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<TouchResult> first = pool.submit(() -> touches.perform(intro));
      assertTrue(firstInProvider.await(10, TimeUnit.SECONDS));
      assertThrows(SendInProgressException.class, () -> touches.perform(intro), "the first may still be sending");
      Thread.sleep(2_100);
      TouchResult second = touches.perform(intro);
      assertEquals(TouchStatus.SENT, second.status());
      assertTrue(second.detail().contains("after an unclear answer"), second.detail());

      releaseFirst.countDown();
      ExecutionException late = assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
      assertTrue(late.getCause() instanceof MessageNotSentException, late.toString());
      TouchRow row = touchByKey(intro);
      assertEquals(TouchState.SENT, row.status(), "the late refusal must not put the sent text back to PENDING");
      assertEquals(1, outbox.messagesForLead(leadId).size());
      assertEquals(TouchStatus.SENT, touches.perform(intro).status());
      assertEquals(2, calls.get());
    } finally {
      releaseFirst.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static TouchRow touchByKey(TouchRequest request) {
    return jdbi.onDemand(TouchDao.class).findByIdempotencyKey(request.idempotencyKey()).orElseThrow();
  }

  @Test
  void aPermanentFailureBlocksTheChannel() {
    long leadId = lead(null, "+13125550126");
    TouchResult result = activities(new InvalidNumberSmsSender())
        .perform(request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null));

    assertEquals(TouchStatus.CHANNEL_BLOCKED, result.status());
    assertTrue(result.detail().contains("21211"), result.detail());
    assertNull(jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().firstResponseAt());
  }

  @Test
  void anOptedOutAddressIsSkippedAndNothingIsSent() {
    long leadId = lead("jane.optout@example.com", "+13125550127");
    optOuts.record(dealershipId, "JANE.OPTOUT@example.com", OptOutChannel.EMAIL, "email-unsubscribe");
    optOuts.record(dealershipId, "+13125550127", OptOutChannel.CALL, "api");
    TouchActivitiesImpl touches = activities();

    TouchResult email = touches.perform(request(leadId, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null));
    TouchResult voicemail =
        touches.perform(request(leadId, dealershipId, 8, Channel.VOICEMAIL, "vm-intro", agent.id(), null));
    TouchResult sms = touches.perform(request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null));

    assertEquals(TouchStatus.SKIPPED_OPTED_OUT, email.status());
    assertEquals(TouchStatus.SKIPPED_OPTED_OUT, voicemail.status(), "do not call also stops voicemail drops");
    assertEquals(TouchStatus.SENT, sms.status());
    assertEquals(List.of(Channel.SMS), outbox.messagesForLead(leadId).stream().map(OutboxMessage::channel).toList());
    assertNull(touch(email).body());
  }

  @Test
  void aCallStepCreatesOneTaskDueWithinTheSla() {
    long leadId = lead("jane.call@example.com", "+13125550128");
    TouchRequest call = request(leadId, dealershipId, 1, Channel.CALL, "call", agent.id(), Duration.ofMinutes(5));
    TouchActivitiesImpl touches = activities();

    TouchResult first = touches.perform(call);
    TouchResult again = touches.perform(call);

    assertEquals(first, again);
    assertEquals(TouchStatus.TASK_CREATED, first.status());
    List<TaskRow> tasks = jdbi.onDemand(TaskDao.class).listOpenByLead(leadId);
    assertEquals(1, tasks.size());
    TaskRow task = tasks.get(0);
    assertEquals(call.performedAt().plus(Duration.ofMinutes(5)), task.dueAt());
    assertEquals(agent.id(), task.agentId());
    assertEquals(first.touchId(), task.touchId());
    assertEquals(TaskStatus.OPEN, task.status());
    TouchRow row = touch(first);
    assertTrue(row.body().startsWith("Call Jane Doe about the 2024 Toyota Camry XSE."), row.body());
    assertEquals(1, notifier.tasks.size());
    assertEquals(task.id(), notifier.tasks.get(0).id());
    assertEquals(1, task.attempt(), "the lead's first call");
    assertEquals(row.body(), task.script(), "the agent's script is the rendered call template");
    assertEquals(task.id(), first.task().taskId(), "the workflow learns the task to watch");
    assertEquals(task.dueAt(), first.task().dueAt());
    assertEquals(jdbi.onDemand(com.leadcadence.store.dao.DealershipDao.class).findById(dealershipId).orElseThrow()
            .escalationDelay(jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().grade()),
        first.task().escalateAfter(), "the dealership's delay for the lead's grade");
    assertEquals(0, outbox.size());
    assertEquals(call.performedAt(), jdbi.onDemand(LeadDao.class).findById(leadId).orElseThrow().firstResponseAt());
  }

  @Test
  void aCallWithoutAnSlaUsesTheDefault() {
    long leadId = lead(null, "+13125550129");
    TouchRequest call = request(leadId, dealershipId, 1, Channel.CALL, "call", null, null);
    activities().perform(call);
    TaskRow task = jdbi.onDemand(TaskDao.class).listOpenByLead(leadId).get(0);
    assertEquals(call.performedAt().plus(TouchActivitiesImpl.DEFAULT_CALL_SLA), task.dueAt());
    assertEquals(agent.id(), task.agentId(), "falls back to the lead's assigned agent");
  }

  @Test
  void aLeadWithoutTheNeededAddressBlocksTheChannel() {
    long noPhone = lead("jane.nophone@example.com", null);
    long noEmail = lead(null, "+13125550130");
    TouchActivitiesImpl touches = activities();

    TouchResult sms = touches.perform(request(noPhone, dealershipId, 2, Channel.SMS, "intro", agent.id(), null));
    TouchResult call = touches.perform(request(noPhone, dealershipId, 1, Channel.CALL, "call", agent.id(), null));
    TouchResult email = touches.perform(request(noEmail, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null));

    assertEquals(TouchStatus.CHANNEL_BLOCKED, sms.status());
    assertEquals(TouchStatus.CHANNEL_BLOCKED, call.status());
    assertEquals(TouchStatus.CHANNEL_BLOCKED, email.status());
    assertTrue(sms.detail().contains("no phone number"), sms.detail());
    assertTrue(email.detail().contains("no email address"), email.detail());
    assertEquals(0, outbox.size());
    assertTrue(jdbi.onDemand(TaskDao.class).listOpenByLead(noPhone).isEmpty());
  }

  @Test
  void anEmailCarriesItsHtmlBodyAndATextRecordsItsSegments() {
    long leadId = lead("jane.html@example.com", "+13125550131");
    // Edge fake: keeps the messages the email provider is handed, then records them like the dry run.
    List<EmailMessage> handed = new ArrayList<>();
    DryRunSenders dryRun = new DryRunSenders(outbox);
    EmailSender recording = message -> {
      handed.add(message);
      return dryRun.send(message);
    };
    TouchActivitiesImpl touches = new TouchActivitiesImpl(jdbi, new Senders(recording, dryRun, dryRun),
        ActivitiesTestSupport.repoTemplates(), optOuts, notifier, new SimpleMeterRegistry());

    touches.perform(request(leadId, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null));
    TouchResult sms = touches.perform(request(leadId, dealershipId, 2, Channel.SMS, "intro", agent.id(), null));

    assertEquals(1, handed.size());
    EmailMessage email = handed.get(0);
    assertTrue(email.html().startsWith("<!DOCTYPE html>") && email.html().contains("Hi Jane,</p>"), email.html());
    assertTrue(email.body().startsWith("Hi Jane,") && !email.body().contains("<p"), email.body());
    assertEquals("sent via dry-run (1 segment GSM-7)", sms.detail());
  }
}
