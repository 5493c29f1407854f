package com.leadcadence.store.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.AgentLoad;
import com.leadcadence.store.rows.NewTask;
import com.leadcadence.store.rows.TaskEventRow;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TaskStatus;
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
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreDaoTest {
  private static final Instant T0 = Instant.parse("2025-03-03T15:00:00.123Z");

  private static TestDatabase db;
  private static Jdbi jdbi;
  private static long dealershipId;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    dealershipId = new DealershipSeeder(jdbi).seed(DemoDealership.SEED);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static <T> T dao(Class<T> type) {
    return jdbi.onDemand(type);
  }

  private static long newLead(String externalId, Long agentId) {
    return dao(LeadDao.class).insert(TestLeads.jane(dealershipId, externalId, agentId));
  }

  @Test
  void seedingIsIdempotentAndStoresOnlyTheKeyHash() {
    assertEquals(dealershipId, new DealershipSeeder(jdbi).seed(DemoDealership.SEED));
    DealershipDao dealerships = dao(DealershipDao.class);
    var found = dealerships.findByApiKeyHash(ApiKeys.hash("demo-key")).orElseThrow();
    assertEquals("Lakeside Motors", found.name());
    assertEquals(6, found.schedule().openingHours().size());
    assertTrue(found.firstPartySourceSet().contains("chat"));
    String stored = jdbi.withHandle(h -> h.createQuery("SELECT key_hash FROM api_keys WHERE dealership_id = :id")
        .bind("id", dealershipId).mapTo(String.class).one());
    assertEquals(ApiKeys.hash("demo-key"), stored);
    assertEquals(2, dao(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).size());
    assertEquals(1, dao(AgentDao.class).listActive(dealershipId, AgentRole.MANAGER).size());
  }

  @Test
  void revokedKeyNoLongerFindsItsDealership() {
    long other = new DealershipSeeder(jdbi).seed(DemoDealership.SEED.withApiKey("revoke-me"));
    assertNotEquals(dealershipId, other);
    DealershipDao dealerships = dao(DealershipDao.class);
    assertTrue(dealerships.findByApiKeyHash(ApiKeys.hash("revoke-me")).isPresent());
    assertEquals(1, dealerships.revokeApiKey(ApiKeys.hash("revoke-me")));
    assertTrue(dealerships.findByApiKeyHash(ApiKeys.hash("revoke-me")).isEmpty());
  }

  @Test
  void leadRoundTripsEveryColumnAndExternalIdIsUnique() {
    long id = newLead("ext-1", null);
    LeadRow lead = dao(LeadDao.class).findById(id).orElseThrow();
    assertEquals(LeadStatus.STARTING, lead.status());
    assertEquals("2024 Toyota Camry XSE", lead.vehicle().describe());
    assertEquals("+13125550123", lead.contact().phone());
    assertEquals(Instant.parse("2025-03-03T14:00:00Z"), lead.consentAt());
    assertTrue(lead.consentSms());
    assertNull(lead.workflowId());
    assertEquals(id, dao(LeadDao.class).findByExternalId(dealershipId, "website", "ext-1").orElseThrow().id());
    assertTrue(dao(LeadDao.class).findByIdForDealership(dealershipId + 1000, id).isEmpty());
    assertThrows(UnableToExecuteStatementException.class, () -> newLead("ext-1", null));

    dao(LeadDao.class).setWorkflowId(id, "lead-" + id);
    assertEquals("lead-" + id, dao(LeadDao.class).findById(id).orElseThrow().workflowId());
  }

  @Test
  void startingWithThePlanWritesOnlyAStartingLead() {
    LeadDao leads = dao(LeadDao.class);
    long id = newLead("ext-start-plan", null);
    assertEquals(1, leads.markStartedWithPlan(id, "standard", 3));
    assertEquals(LeadStatus.ACTIVE, leads.findById(id).orElseThrow().status());
    assertEquals(List.of("standard:3"), planOf(id));

    leads.updateStatus(id, LeadStatus.PAUSED, T0);
    assertEquals(0, leads.markStartedWithPlan(id, "other", 4));
    assertEquals(LeadStatus.PAUSED, leads.findById(id).orElseThrow().status());
    assertEquals(List.of("standard:3"), planOf(id));
  }

  private static List<String> planOf(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT CONCAT(plan_name, ':', plan_version) FROM leads WHERE id = :id")
        .bind("id", id).mapTo(String.class).list());
  }

  @Test
  void statusStartsOnceAndTerminalStatusStampsClosedAt() {
    LeadDao leads = dao(LeadDao.class);
    long id = newLead("ext-status", null);
    assertEquals(1, leads.markStartedIfStarting(id));
    assertEquals(0, leads.markStartedIfStarting(id));
    leads.updateStatus(id, LeadStatus.PAUSED, T0);
    assertNull(leads.findById(id).orElseThrow().closedAt());
    leads.updateStatus(id, LeadStatus.SOLD, T0);
    LeadRow sold = leads.findById(id).orElseThrow();
    assertEquals(LeadStatus.SOLD, sold.status());
    assertEquals(T0, sold.closedAt());
  }

  @Test
  void firstResponseAndFirstContactKeepTheirFirstStamp() {
    LeadDao leads = dao(LeadDao.class);
    long id = newLead("ext-stamps", null);
    leads.markFirstResponse(id, T0);
    leads.markFirstResponse(id, T0.plusSeconds(60));
    leads.markFirstContact(id, T0.plusSeconds(120));
    leads.markFirstContact(id, T0.plusSeconds(180));
    LeadRow lead = leads.findById(id).orElseThrow();
    assertEquals(T0, lead.firstResponseAt());
    assertEquals(T0.plusSeconds(120), lead.firstContactAt());
  }

  @Test
  void assignmentCandidatesAreTheActiveAgentsWithTheirOpenTaskCounts() {
    long dealer = new DealershipSeeder(jdbi).seed(DemoDealership.SEED.withApiKey("round-robin"));
    AgentDao agents = dao(AgentDao.class);
    List<AgentRow> team = agents.listActive(dealer, AgentRole.AGENT);
    long first = team.get(0).id();
    long second = team.get(1).id();
    long leadId = dao(LeadDao.class).insert(TestLeads.jane(dealer, "rr-1", first));
    TaskDao tasks = dao(TaskDao.class);
    tasks.create(NewTask.now(dealer, leadId, first, TaskKind.LEAD_REPLIED, "reply", T0));
    TaskRow done = tasks.create(NewTask.now(dealer, leadId, first, TaskKind.CALL_BACK_NOW, "call back", T0));
    tasks.complete(done.id(), "CONTACTED", null, T0);

    List<AgentLoad> loads = agents.loadsForAssignment(dealer);
    assertEquals(List.of(first, second), loads.stream().map(l -> l.agent().id()).toList(), "managers never");
    assertEquals(List.of(1, 0), loads.stream().map(AgentLoad::openTasks).toList(), "only tasks still to do count");

    assertEquals(1, agents.takeTurn(second, null, T0), "the first turn: last_assigned_at was null");
    assertEquals(T0, agents.findById(dealer, second).orElseThrow().lastAssignedAt());
    assertEquals(0, agents.takeTurn(second, null, T0.plusSeconds(1)), "someone took that turn already");
    assertEquals(1, agents.takeTurn(second, T0, T0.plusSeconds(2)));
    assertEquals(0, agents.takeTurn(second, T0, T0.plusSeconds(3)), "a turn read before the last one was taken");
    assertEquals(T0.plusSeconds(2), agents.listAll(dealer).stream().filter(a -> a.id() == second).findFirst()
        .orElseThrow().lastAssignedAt());
    agents.setActive(dealer, second, false);
    assertEquals(1, agents.loadsForAssignment(dealer).size());
  }

  @Test
  void agentTokensFindTheirAgentUntilRevoked() {
    AgentDao agents = dao(AgentDao.class);
    AgentRow agent = agents.listActive(dealershipId, AgentRole.AGENT).get(0);
    agents.insertToken(agent.id(), "a".repeat(64));
    assertEquals(agent.id(), agents.findByTokenHash("a".repeat(64)).orElseThrow().id());
    assertEquals(1, agents.revokeTokens(agent.id()));
    assertTrue(agents.findByTokenHash("a".repeat(64)).isEmpty());
  }

  @Test
  void touchIsInsertedOnceAndMovesOnlyForward() {
    long leadId = newLead("ext-touch", null);
    TouchDao touches = dao(TouchDao.class);
    NewTouch step = new NewTouch(leadId, 2, "sms-1", Channel.SMS, "intro", "lead-x:2", T0);
    TouchRow first = touches.insertIfAbsent(step);
    TouchRow again = touches.insertIfAbsent(new NewTouch(leadId, 2, "sms-1", Channel.SMS, "intro", "lead-x:2",
        T0.plusSeconds(5)));
    assertEquals(first.id(), again.id());
    assertEquals(TouchState.PENDING, again.status());
    assertEquals(T0, again.performedAt());

    assertEquals(1, touches.markSending(first.id(), "+13125550123", null, "Hi Jane"));
    assertEquals(0, touches.markSending(first.id(), "+13125550123", null, "Hi Jane"));
    assertEquals(1, touches.markSent(first.id(), "dry-run", "dr-1", null));
    assertEquals(0, touches.settle(first.id(), TouchState.CHANNEL_BLOCKED, null, null, null, "late"));
    TouchRow sent = touches.findByProviderId("dry-run", "dr-1").orElseThrow();
    assertEquals(TouchState.SENT, sent.status());
    assertEquals("Hi Jane", sent.body());
    assertEquals(1, touches.recordDelivery("dry-run", "dr-1", TouchState.DELIVERED, "delivered"));

    touches.insertIfAbsent(new NewTouch(leadId, 0, "ack", Channel.EMAIL, "ack", "lead-x:0", T0.minusSeconds(60)));
    assertEquals(List.of(0, 2), touches.listByLead(leadId).stream().map(TouchRow::stepIndex).toList());
  }

  @Test
  void everyTaskChangeWritesOneEventInOrder() {
    AgentRow agent = dao(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
    AgentRow other = dao(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(1);
    long leadId = newLead("ext-task", agent.id());
    TouchRow touch = dao(TouchDao.class).insertIfAbsent(
        new NewTouch(leadId, 1, "call-1", Channel.CALL, "call", "lead-t:1", T0));
    TaskDao tasks = dao(TaskDao.class);
    TaskEventDao events = dao(TaskEventDao.class);
    long before = events.maxIdOf(dealershipId);
    NewTask call = NewTask.call(dealershipId, leadId, agent.id(), touch.id(), 1, "Say hello", T0.plusSeconds(300), T0);
    TaskRow task = tasks.createForTouchIfAbsent(call);
    assertEquals(task.id(), tasks.createForTouchIfAbsent(call).id(), "a retried step gets the same task");
    assertEquals(1, task.attempt());
    assertEquals("Say hello", task.script());
    assertTrue(tasks.listOpenByAgent(agent.id()).stream().anyMatch(t -> t.id() == task.id()));

    assertTrue(tasks.markOverdue(task.id(), T0.plusSeconds(301)).isPresent());
    assertTrue(tasks.markOverdue(task.id(), T0.plusSeconds(302)).isEmpty(), "overdue once");
    assertTrue(tasks.reassign(task.id(), other.id(), "escalated").isPresent());
    assertEquals(1, tasks.markEscalated(task.id(), T0.plusSeconds(400)));
    assertEquals(0, tasks.markEscalated(task.id(), T0.plusSeconds(401)), "escalated once");
    TaskRow done = tasks.complete(task.id(), "CONTACTED", "spoke to her", T0.plusSeconds(500)).orElseThrow();
    assertEquals(TaskStatus.DONE, done.status());
    assertEquals("CONTACTED", done.outcome());
    assertEquals(T0.plusSeconds(500), done.completedAt());
    assertTrue(tasks.complete(task.id(), "NO_ANSWER", null, T0.plusSeconds(600)).isEmpty(), "done once");
    assertTrue(tasks.listOpenByLead(leadId).isEmpty());

    List<TaskEventRow> all = events.since(dealershipId, null, before, 100);
    assertEquals(List.of("task.created", "task.overdue", "task.updated", "task.updated"),
        all.stream().map(TaskEventRow::type).toList());
    assertEquals(List.of("OPEN", "OVERDUE", "OVERDUE", "DONE"),
        all.stream().map(e -> e.taskStatus().name()).toList());
    assertEquals(agent.id(), all.get(2).previousAgentId());
    assertEquals(3, events.since(dealershipId, agent.id(), before, 100).size(), "the first agent hears of the move");
    assertEquals(2, events.since(dealershipId, other.id(), before, 100).size());
    assertTrue(all.stream().allMatch(e -> e.id() > before));
  }

  @Test
  void cancellingALeadsTasksClosesOnlyThoseStillToDo() {
    AgentRow agent = dao(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
    long leadId = newLead("ext-cancel", agent.id());
    TaskDao tasks = dao(TaskDao.class);
    TaskRow reply = tasks.create(NewTask.now(dealershipId, leadId, agent.id(), TaskKind.LEAD_REPLIED, "hi", T0));
    TaskRow call = tasks.create(NewTask.now(dealershipId, leadId, agent.id(), TaskKind.CALL_BACK_NOW, "cb", T0));
    assertEquals(List.of(call.id()), tasks.completeOpenCallsOfLead(leadId, "NO_ANSWER", null, T0).stream()
        .map(TaskRow::id).toList(), "a lead's outcome closes its calls, not the reply");
    assertEquals(List.of(reply.id()), tasks.cancelOpenByLead(leadId, "cadence ended: SOLD", T0).stream()
        .map(TaskRow::id).toList());
    assertEquals(TaskStatus.CANCELLED, tasks.findById(reply.id()).orElseThrow().status());
    assertTrue(tasks.cancelOpenByLead(leadId, "again", T0).isEmpty());
  }

  @Test
  void taskPagesAreDueFirstAndResumeAfterTheCursor() {
    AgentRow agent = dao(AgentDao.class).listActive(dealershipId, AgentRole.AGENT).get(0);
    long leadId = newLead("ext-page", agent.id());
    TaskDao tasks = dao(TaskDao.class);
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // two share a due time: the id breaks the tie
      ids.add(tasks.create(NewTask.now(dealershipId, leadId, agent.id(), TaskKind.CALL_BACK_NOW, "t" + i,
          T0.plusSeconds(i == 4 ? 3 : i))).id());
    }
    List<String> open = List.of("OPEN", "OVERDUE");
    List<TaskRow> first = tasks.page(dealershipId, open, null, leadId, null, null, 3);
    assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)), first.stream().map(TaskRow::id).toList());
    TaskRow last = first.get(2);
    List<TaskRow> second = tasks.page(dealershipId, open, agent.id(), leadId, last.dueAt(), last.id(), 3);
    assertEquals(List.of(ids.get(3), ids.get(4)), second.stream().map(TaskRow::id).toList());
    assertTrue(tasks.page(dealershipId, List.of("DONE"), null, leadId, null, null, 3).isEmpty());
  }

  @Test
  void outcomeIsStoredOnceByKey() {
    long leadId = newLead("ext-outcome", null);
    OutcomeDao outcomes = dao(OutcomeDao.class);
    outcomes.insertIfAbsent(leadId, "lead-o:NO_ANSWER:1", OutcomeType.NO_ANSWER, null, null, T0);
    outcomes.insertIfAbsent(leadId, "lead-o:NO_ANSWER:1", OutcomeType.NO_ANSWER, null, "retry", T0);
    outcomes.insertIfAbsent(leadId, "lead-o:CONTACTED:2", OutcomeType.CONTACTED, null, null, T0.plusSeconds(1));
    assertEquals(List.of(OutcomeType.NO_ANSWER, OutcomeType.CONTACTED),
        outcomes.listByLead(leadId).stream().map(o -> o.type()).toList());
    assertNull(outcomes.listByLead(leadId).get(0).note());
  }

  @Test
  void optOutIsPerAddressAndChannel() {
    OptOutDao optOuts = dao(OptOutDao.class);
    optOuts.insertIfAbsent(dealershipId, "+13125550999", OptOutChannel.SMS, "sms-stop");
    optOuts.insertIfAbsent(dealershipId, "+13125550999", OptOutChannel.SMS, "api");
    assertTrue(optOuts.isOptedOut(dealershipId, "+13125550999", OptOutChannel.SMS));
    assertFalse(optOuts.isOptedOut(dealershipId, "+13125550999", OptOutChannel.CALL));
    assertFalse(optOuts.isOptedOut(dealershipId + 1000, "+13125550999", OptOutChannel.SMS));
    assertEquals(1, optOuts.listForAddress(dealershipId, "+13125550999").size());
    assertEquals("sms-stop", optOuts.listForAddress(dealershipId, "+13125550999").get(0).source());
    assertEquals(1, optOuts.remove(dealershipId, "+13125550999", OptOutChannel.SMS));
    assertFalse(optOuts.isOptedOut(dealershipId, "+13125550999", OptOutChannel.SMS));
  }
}
