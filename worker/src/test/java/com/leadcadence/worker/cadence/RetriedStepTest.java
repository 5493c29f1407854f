package com.leadcadence.worker.cadence;

import static com.leadcadence.worker.cadence.CadenceHarness.chicago;
import static com.leadcadence.worker.cadence.CadenceHarness.chicagoLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.OutboxMessage;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worst case for "never send the same step twice": the provider accepts a text, then the
 * connection drops before we learn it, and Temporal retries the activity.
 */
class RetriedStepTest {
  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  /**
   * A provider edge that accepts the first text, then loses the answer (a read timeout); asked afterwards,
   * the provider has it (as Twilio's Messages list would).
   */
  private static final class AcceptsThenTimesOut implements SmsSender {
    private final SmsSender provider;
    private final SmsSender lookups;
    private final AtomicInteger calls = new AtomicInteger();

    AcceptsThenTimesOut(SmsSender provider, SmsSender lookups) {
      this.provider = provider;
      this.lookups = lookups;
    }

    @Override
    public SentLookup lookUp(SmsMessage message, Instant since) {
      return lookups.lookUp(message, since);
    }

    @Override
    public SendReceipt send(SmsMessage message) {
      provider.send(message);
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("read timed out after the provider accepted the message");
      }
      return new SendReceipt("dry-run", "dry-run-" + message.touchId());
    }
  }

  @Test
  void aTextWhoseSendTimedOutAfterAcceptanceIsFoundAtTheProviderAndNotSentAgain() {
    AtomicInteger senderCalls = new AtomicInteger();
    try (CadenceHarness h = new CadenceHarness(db, chicago("2026-11-23T10:00"), senders -> {
      AcceptsThenTimesOut flaky = new AcceptsThenTimesOut(message -> {
        senderCalls.incrementAndGet();
        return senders.sms().send(message);
      }, senders.sms());
      return senders.withSms(flaky);
    })) {
      LeadCadenceInput input = h.newLead(chicagoLead(), 60, Set.of());
      LeadCadenceWorkflow workflow = h.start(input);

      h.env.sleep(Duration.ofMinutes(20));

      List<OutboxMessage> texts = h.outbox.messagesForLead(input.leadId()).stream()
          .filter(m -> m.channel() == Channel.SMS).toList();
      assertEquals(1, texts.size(), "one text reached the provider");
      assertEquals(1, senderCalls.get(), "the retry did not call the provider again");
      List<TouchRow> smsTouches = h.touches(input.leadId()).stream()
          .filter(t -> t.channel() == Channel.SMS).toList();
      assertEquals(1, smsTouches.size());
      assertEquals("SENT", smsTouches.get(0).status().name());
      assertTrue(smsTouches.get(0).detail() != null && smsTouches.get(0).detail().contains("confirmed by lookup"),
          "the touch says it was found at the provider: " + smsTouches.get(0).detail());
      assertEquals(3, workflow.state().stepsDone(), "the cadence went on: ack, call task, text");
      workflow.recordOutcome(new Outcome(OutcomeType.CONTACTED, null, null));
    }
  }
}
