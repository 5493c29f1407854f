package com.leadcadence.activities.notify;

import static com.leadcadence.activities.notify.NotifierFixture.AFTERNOONS;
import static com.leadcadence.activities.notify.NotifierFixture.DEALER_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.OutboxMessage;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.templates.SmsSegments;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real MariaDB and templates; the dry-run outbox stands where Twilio and SendGrid would be. */
class SendingAgentNotifierTest {
  private static TestDatabase db;
  private static NotifierFixture fixture;

  private final DryRunOutbox outbox = new DryRunOutbox();

  @BeforeAll
  static void setUpDatabase() {
    db = TestDatabase.create();
    fixture = new NotifierFixture(db.jdbi());
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private SendingAgentNotifier notifier() {
    return fixture.notifier(DryRunSenders.all(outbox));
  }

  @Test
  void anAgentWhoPrefersTextsGetsOneTextNamingTheLeadAndTheTask() {
    AgentRow agent = fixture.person("Sam Ortiz", AgentRole.AGENT, AgentNotify.SMS, "+13125550131", null);
    LeadRow lead = fixture.jane(agent.id());
    TaskRow task = fixture.callTask(lead, agent.id());

    notifier().taskAssigned(task, lead);

    assertEquals(1, outbox.size());
    OutboxMessage text = outbox.messages().get(0);
    assertEquals(Channel.SMS, text.channel());
    assertEquals("+13125550131", text.to());
    assertEquals(DEALER_NUMBER, text.from());
    assertEquals("agent-task-" + task.id() + "-" + agent.id(), text.idempotencyKey());
    assertEquals(0L, text.leadId(), "nobody's touch: provider callbacks must not reach the lead");
    assertEquals("New CALL task (attempt 2): Jane D., 2024 Toyota Camry XSE, grade A. Due 10:05 AM (in 5 min). "
        + "Open " + NotifierFixture.AGENT_PAGE, text.body());
    SmsSegments segments = SmsSegments.of(text.body());
    assertTrue(segments.isGsm7() && segments.segments() <= 2, segments.describe());
  }

  @Test
  void anAgentWhoPrefersEmailGetsAnEmailWithTheScriptAndNote() {
    AgentRow agent = fixture.person("Lee Chen", AgentRole.AGENT, AgentNotify.EMAIL, "+13125550132", null);
    LeadRow lead = fixture.jane(agent.id());
    TaskRow task = fixture.callTask(lead, agent.id());

    notifier().taskAssigned(task, lead);

    assertEquals(1, outbox.size());
    OutboxMessage email = outbox.messages().get(0);
    assertEquals(Channel.EMAIL, email.channel());
    assertEquals("lee.chen@lakeside-motors.example", email.to());
    assertEquals("sales@lakeside-motors.example", email.from());
    assertEquals("CALL task: Jane D., 2024 Toyota Camry XSE - due 10:05 AM", email.subject());
    assertTrue(email.body().startsWith("Hi Lee,"), email.body());
    assertTrue(email.body().contains("Grade: A (score 82)"), email.body());
    assertTrue(email.body().contains("Hi Jane, this is Maria from Lakeside Motors."), email.body());
    assertTrue(email.body().contains(NotifierFixture.AGENT_PAGE), email.body());
    assertFalse(email.body().contains("+13125550123"), "the lead's number stays in the app");
    assertEquals("agent-task-" + task.id() + "-" + agent.id(), email.idempotencyKey());
  }

  @Test
  void anAgentOffShiftIsNotNotified() {
    AgentRow agent = fixture.person("Ana Ruiz", AgentRole.AGENT, AgentNotify.SMS, "+13125550133", AFTERNOONS);
    LeadRow lead = fixture.jane(agent.id());

    notifier().taskAssigned(fixture.callTask(lead, agent.id()), lead);

    assertEquals(0, outbox.size());
  }

  @Test
  void anAgentWhoChoseNoneIsNotNotified() {
    AgentRow agent = fixture.person("Bo Park", AgentRole.AGENT, AgentNotify.NONE, "+13125550134", null);
    LeadRow lead = fixture.jane(agent.id());

    notifier().taskAssigned(fixture.callTask(lead, agent.id()), lead);

    assertEquals(0, outbox.size());
  }

  @Test
  void aDeactivatedAgentIsNotNotified() {
    AgentRow agent = fixture.person("Cy Young", AgentRole.AGENT, AgentNotify.SMS, "+13125550135", null);
    fixture.jdbi.onDemand(AgentDao.class).setActive(fixture.dealershipId, agent.id(), false);
    LeadRow lead = fixture.jane(agent.id());

    notifier().taskAssigned(fixture.callTask(lead, agent.id()), lead);

    assertEquals(0, outbox.size());
  }

  @Test
  void aManagerAlertReachesOnlyTheManagersOnShift() {
    AgentRow agent = fixture.person("Dee Lopez", AgentRole.AGENT, AgentNotify.SMS, "+13125550141", null);
    AgentRow texted = fixture.person("Ed Burke", AgentRole.MANAGER, AgentNotify.SMS, "+13125550142", null);
    AgentRow emailed = fixture.person("Flo Grant", AgentRole.MANAGER, AgentNotify.EMAIL, "+13125550143", null);
    fixture.person("Gus Hale", AgentRole.MANAGER, AgentNotify.SMS, "+13125550144", AFTERNOONS);
    LeadRow lead = fixture.jane(agent.id());
    ManagerAlert alert = new ManagerAlert(lead.id(), fixture.dealershipId, lead.workflowId(),
        "grade A lead uncontacted 15 minutes after the cadence started", NotifierFixture.NOW);
    // What LeadRecordActivitiesImpl passes, plus an agent that must be ignored.
    List<AgentRow> managers = new java.util.ArrayList<>(
        fixture.jdbi.onDemand(AgentDao.class).listActive(fixture.dealershipId, AgentRole.MANAGER));
    managers.add(agent);

    notifier().managerAlert(alert, managers);

    assertEquals(List.of("+13125550142", "flo.grant@lakeside-motors.example"),
        outbox.messages().stream().map(OutboxMessage::to).toList());
    OutboxMessage text = outbox.messages().get(0);
    assertEquals("Lead alert: Jane D., 2024 Toyota Camry XSE, grade A, agent Dee Lopez. grade A lead uncontacted "
        + "15 minutes after the cadence started. Open " + NotifierFixture.AGENT_PAGE, text.body());
    assertEquals("manager-alert-" + lead.id() + "-" + texted.id() + "-" + NotifierFixture.NOW.toEpochMilli(),
        text.idempotencyKey());
    OutboxMessage email = outbox.messages().get(1);
    assertEquals("Lead alert: Jane D. (grade A) needs attention", email.subject());
    assertTrue(email.body().startsWith("Hi Flo,"), email.body());
    assertTrue(email.body().contains("Assigned agent: Dee Lopez"), email.body());
    assertEquals("manager-alert-" + lead.id() + "-" + emailed.id() + "-" + NotifierFixture.NOW.toEpochMilli(),
        email.idempotencyKey());
  }

  @Test
  void aSenderThatThrowsDoesNotReachTheCaller() {
    AgentRow texted = fixture.person("Hal Ives", AgentRole.AGENT, AgentNotify.SMS, "+13125550151", null);
    AgentRow emailed = fixture.person("Ivy Jones", AgentRole.AGENT, AgentNotify.EMAIL, "+13125550152", null);
    SmsSender refusing = m -> {
      throw new IllegalStateException("The 'To' number " + m.to() + " is not a valid phone number.");
    };
    EmailSender down = m -> {
      throw new MessageNotSentException("connection refused", null);
    };
    SendingAgentNotifier notifier = fixture.notifier(
        new Senders(down, refusing, new DryRunSenders(outbox)));
    LeadRow lead = fixture.jane(texted.id());
    AgentRow manager = fixture.person("Jo Kent", AgentRole.MANAGER, AgentNotify.SMS, "+13125550153", null);
    // The row passed stays active; in the database Jo leaves, so the other tests' manager list is theirs.
    fixture.jdbi.onDemand(AgentDao.class).setActive(fixture.dealershipId, manager.id(), false);

    notifier.taskAssigned(fixture.callTask(lead, texted.id()), lead);
    notifier.taskAssigned(fixture.callTask(lead, emailed.id()), lead);
    notifier.managerAlert(new ManagerAlert(lead.id(), fixture.dealershipId, lead.workflowId(), "slipping",
        NotifierFixture.NOW), List.of(manager));

    assertEquals(0, outbox.size());
  }

  @Test
  void aFailureIsLoggedWithoutTheAddress() {
    String line = SendingAgentNotifier.describe(new IllegalStateException(
        "The 'To' number +13125550151 is not valid; cc ivy.jones@lakeside-motors.example on 2025-03-03"));

    assertEquals("IllegalStateException: The 'To' number +1312***0151 is not valid; "
        + "cc i***@lakeside-motors.example on 2025-03-03", line);
  }

  @Test
  void aTaskWithoutAnAgentOrALeadThatIsGoneDoesNotThrow() {
    LeadRow lead = fixture.jane(null);
    TaskRow task = fixture.callTask(lead, fixture.person("Kim Lam", AgentRole.AGENT, AgentNotify.SMS,
        "+13125550161", null).id());
    TaskRow unassigned = new TaskRow(task.id(), task.dealershipId(), task.leadId(), null, null, task.kind(),
        task.attempt(), task.script(), task.status(), task.dueAt(), null, null, null, task.createdAt(), null, null,
        null);

    notifier().taskAssigned(unassigned, lead);
    notifier().managerAlert(new ManagerAlert(987654321L, fixture.dealershipId, "lead-987654321", "gone",
        NotifierFixture.NOW), List.of());

    assertEquals(0, outbox.size());
  }

  @Test
  void dueTimesReadInTheDealershipsZone() {
    ZoneId chicago = ZoneId.of("America/Chicago");
    Instant now = NotifierFixture.NOW;
    assertEquals("10:05 AM", SendingAgentNotifier.due(now.plusSeconds(300), now, chicago));
    assertEquals("Tue 9:30 AM", SendingAgentNotifier.due(Instant.parse("2025-03-04T15:30:00Z"), now, chicago));
    assertEquals("in 5 min", SendingAgentNotifier.dueIn(Duration.ofMinutes(5)));
    assertEquals("in 1 h 20 min", SendingAgentNotifier.dueIn(Duration.ofMinutes(80)));
    assertEquals("in 2 h", SendingAgentNotifier.dueIn(Duration.ofHours(2)));
    assertEquals("now", SendingAgentNotifier.dueIn(Duration.ofSeconds(20)));
    assertEquals("overdue 3 min", SendingAgentNotifier.dueIn(Duration.ofMinutes(-3)));
  }
}
