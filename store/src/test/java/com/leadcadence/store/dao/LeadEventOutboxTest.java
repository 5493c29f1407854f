package com.leadcadence.store.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.rows.LeadEventRow;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.OutcomeType;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox: each change of a lead records its webhook event in its own transaction, once however
 * often the change is repeated, and only for a dealership that has a webhook subscription.
 */
class LeadEventOutboxTest {
  private static final Instant T0 = Instant.parse("2026-03-03T15:00:00.123Z");

  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long subscribed;
  private static long unsubscribed;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    subscribed = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
    unsubscribed = new DealershipSeeder(jdbi).seed(DemoDealership.SEED.withApiKey("no-webhooks-key"));
    jdbi.onDemand(WebhookSubscriptionDao.class).insert(subscribed, "https://crm.example.com/hooks", "lead.created",
        "whsec_test");
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void statusChangesAreRecordedOnceEachAndNotTheStart() {
    long lead = newLead(subscribed, "status-1", "+13125550101");
    LeadDao leads = jdbi.onDemand(LeadDao.class);
    leads.updateStatus(lead, LeadStatus.ACTIVE, T0);
    leads.updateStatus(lead, LeadStatus.PAUSED, T0.plusSeconds(1));
    leads.updateStatus(lead, LeadStatus.PAUSED, T0.plusSeconds(2));
    leads.updateStatus(lead, LeadStatus.ACTIVE, T0.plusSeconds(3));

    List<LeadEventRow> events = eventsOf(lead);
    assertEquals(List.of("lead.status_changed", "lead.status_changed"), events.stream().map(LeadEventRow::type).toList());
    assertEquals("{\"from\":\"ACTIVE\",\"to\":\"PAUSED\"}", events.get(0).data());
    assertEquals("{\"from\":\"PAUSED\",\"to\":\"ACTIVE\"}", events.get(1).data());
    assertEquals("website", events.get(0).source());
    assertEquals("status-1", events.get(0).externalId());
  }

  @Test
  void aChangeRolledBackLeavesNoEvent() {
    long lead = newLead(subscribed, "rollback-1", "+13125550102");
    jdbi.onDemand(LeadDao.class).updateStatus(lead, LeadStatus.ACTIVE, T0);
    assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(handle -> {
      handle.attach(LeadDao.class).updateStatus(lead, LeadStatus.CONTACTED, T0);
      throw new IllegalStateException("the rest of the change failed");
    }));
    assertEquals(List.of(), eventsOf(lead));
    assertEquals(LeadStatus.ACTIVE, jdbi.onDemand(LeadDao.class).findById(lead).orElseThrow().status());
  }

  @Test
  void outcomesTasksAndTouchesAreRecordedOnceThoughRepeated() {
    long lead = newLead(subscribed, "mixed-1", "+13125550103");
    OutcomeDao outcomes = jdbi.onDemand(OutcomeDao.class);
    outcomes.insertIfAbsent(lead, "lead-x:outcome:1", OutcomeType.NO_ANSWER, null, "rang out", T0);
    outcomes.insertIfAbsent(lead, "lead-x:outcome:1", OutcomeType.NO_ANSWER, null, "rang out", T0);

    TouchDao touches = jdbi.onDemand(TouchDao.class);
    TouchRow email = touches.insertIfAbsent(new NewTouch(lead, 0, "ack", Channel.EMAIL, "ack", "lead-x:0", T0));
    touches.markSending(email.id(), "jane.doe@example.com", "Hi", "Body");
    touches.markSent(email.id(), "dry-run", "m-1", "sent via dry-run");
    touches.recordDelivery("dry-run", "m-1", TouchState.FAILED, "bounced");
    touches.recordDelivery("dry-run", "m-1", TouchState.FAILED, "bounced again");
    TouchRow sms = touches.insertIfAbsent(new NewTouch(lead, 1, "sms1", Channel.SMS, "sms1", "lead-x:1", T0));
    touches.settle(sms.id(), TouchState.FAILED, null, null, null, "failed: out of retries");
    touches.settle(sms.id(), TouchState.FAILED, null, null, null, "failed: out of retries");

    TaskDao tasks = jdbi.onDemand(TaskDao.class);
    TaskRow task = tasks.create(NewTask.now(subscribed, lead, null, TaskKind.CALL, "call her", T0));
    tasks.complete(task.id(), "CONTACTED", "spoke", T0.plusSeconds(60));
    tasks.complete(task.id(), "CONTACTED", "spoke", T0.plusSeconds(61));

    List<String> types = eventsOf(lead).stream().map(LeadEventRow::type).toList();
    assertEquals(List.of("outcome.recorded", "touch.sent", "touch.failed", "touch.failed", "task.created",
        "task.completed"), types);
    LeadEventRow bounce = eventsOf(lead).get(2);
    assertTrue(bounce.data().contains("\"channel\": \"EMAIL\"") || bounce.data().contains("\"channel\":\"EMAIL\""),
        bounce.data());
    assertTrue(bounce.data().contains("bounced"), bounce.data());
  }

  @Test
  void anOptOutIsAnEventForEveryLeadWithTheAddressOnce() {
    long first = newLead(subscribed, "optout-1", "+13125550199");
    long second = newLead(subscribed, "optout-2", "+13125550199");
    OptOutDao optOuts = jdbi.onDemand(OptOutDao.class);
    optOuts.insertIfAbsent(subscribed, "+13125550199", OptOutChannel.SMS, "sms-stop");
    optOuts.insertIfAbsent(subscribed, "+13125550199", OptOutChannel.SMS, "sms-stop");

    for (long lead : List.of(first, second)) {
      List<LeadEventRow> events = eventsOf(lead);
      assertEquals(1, events.size(), events.toString());
      assertEquals("optout.recorded", events.get(0).type());
      assertEquals("{\"channel\":\"SMS\",\"source\":\"sms-stop\"}", events.get(0).data());
    }
  }

  @Test
  void aDealershipWithoutSubscriptionsGetsNoEvents() {
    long lead = newLead(unsubscribed, "quiet-1", "+13125550104");
    jdbi.onDemand(LeadDao.class).updateStatus(lead, LeadStatus.ACTIVE, T0);
    jdbi.onDemand(LeadDao.class).updateStatus(lead, LeadStatus.SOLD, T0);
    jdbi.onDemand(OutcomeDao.class).insertIfAbsent(lead, "quiet:outcome:1", OutcomeType.SOLD, null, null, T0);
    assertEquals(List.of(), eventsOf(lead));
  }

  private static long newLead(long dealershipId, String externalId, String phone) {
    return jdbi.onDemand(LeadDao.class).insert(TestLeads.lead(dealershipId, externalId, null, phone, null));
  }

  private static List<LeadEventRow> eventsOf(long leadId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lead_events WHERE lead_id = :leadId ORDER BY id")
        .bind("leadId", leadId).mapTo(LeadEventRow.class).list());
  }
}
