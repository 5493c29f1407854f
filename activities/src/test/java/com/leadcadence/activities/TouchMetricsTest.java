package com.leadcadence.activities;

import static com.leadcadence.activities.ActivitiesTestSupport.T0;
import static com.leadcadence.activities.ActivitiesTestSupport.newLead;
import static com.leadcadence.activities.ActivitiesTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadcadence.activities.metrics.ActivityMetrics;
import com.leadcadence.activities.metrics.TimedSenders;
import com.leadcadence.activities.notify.RecordingAgentNotifier;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.templates.UnsubscribeUrls;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.UnsentTouch;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.OptOutChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each touch outcome is counted once, with its channel, result and reason; provider calls are timed. */
class TouchMetricsTest {
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;
  private static AgentRow agent;

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

  @Test
  void sentRefusedFailedAndOptedOutTouchesAreCountedWithTheirReasons() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SmsSender refusing = message -> {
      throw new MessageNotSentException("HTTP 429 too many requests", null);
    };
    Senders senders = TimedSenders.time(DryRunSenders.all(new DryRunOutbox()).withSms(refusing),
        DryRunSenders.PROVIDER, "stand-in", registry);
    OptOutRegistry optOuts = new OptOutRegistry(jdbi.onDemand(OptOutDao.class));
    TouchActivitiesImpl touches = new TouchActivitiesImpl(jdbi, senders, ActivitiesTestSupport.repoTemplates(),
        optOuts, new RecordingAgentNotifier(), UnsubscribeUrls.NONE, Clock.fixed(T0, ZoneOffset.UTC), registry);
    long lead = newLead(jdbi, dealershipId, "metrics-1-" + System.nanoTime(), "jane@example.com", "+13125550140",
        agent.id());
    long optedOut = newLead(jdbi, dealershipId, "metrics-2-" + System.nanoTime(), "out@example.com", "+13125550141",
        agent.id());
    optOuts.record(dealershipId, "out@example.com", OptOutChannel.EMAIL, "email-unsubscribe");

    touches.perform(request(lead, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null));
    touches.perform(request(lead, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null)); // a retry: done already
    assertThrows(MessageNotSentException.class,
        () -> touches.perform(request(lead, dealershipId, 1, Channel.SMS, "intro", agent.id(), null)));
    touches.recordFailure(new UnsentTouch(lead, dealershipId, WorkflowIds.forLead(lead), 1, "sms-1", Channel.SMS,
        "intro", T0, agent.id(), null, "out of retries: HTTP 429"));
    touches.perform(request(optedOut, dealershipId, 0, Channel.EMAIL, "ack", agent.id(), null));

    assertEquals(1.0, touches(registry, "email", "sent", "accepted"));
    assertEquals(1.0, touches(registry, "sms", "not_sent", "retrying"));
    assertEquals(1.0, touches(registry, "sms", "failed", "out_of_retries"));
    assertEquals(1.0, touches(registry, "email", "skipped", "opted_out"));
    assertEquals(4.0, registry.find(ActivityMetrics.TOUCHES).counters().stream().mapToDouble(Counter::count).sum(),
        "nothing else counted");
    assertEquals(0.0, touches(registry, "voicemail", "unconfirmed", "unclear_answer"), "declared at zero");
    assertNull(registry.find(ActivityMetrics.TOUCHES).tags("channel", "call", "result", "sent").counter(),
        "a call is never handed to a provider");

    assertEquals(1, registry.get(TimedSenders.PROVIDER_REQUESTS).tags("provider", "dry-run", "channel", "email",
        "operation", "send", "outcome", "ok").timer().count());
    assertEquals(1, registry.get(TimedSenders.PROVIDER_REQUESTS).tags("provider", "stand-in", "channel", "sms",
        "operation", "send", "outcome", "not_sent").timer().count());
  }

  private static double touches(SimpleMeterRegistry registry, String channel, String result, String reason) {
    return registry.get(ActivityMetrics.TOUCHES).tags("channel", channel, "result", result, "reason", reason)
        .counter().count();
  }
}
