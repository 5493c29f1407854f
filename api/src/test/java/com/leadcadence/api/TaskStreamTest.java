package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live task stream over real HTTP: events as workflows create tasks, and Last-Event-ID replay. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TaskStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "stream-dealership-key";
  private static final String OTHER_KEY = "stream-other-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static long maria;
  private static long dev;

  @BeforeAll
  static void seed() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    maria = dealer.get("/v1/agents").body().path("items").get(0).path("id").asLong();
    dev = dealer.get("/v1/agents").body().path("items").get(1).path("id").asLong();
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aTaskMadeByAWorkflowReachesTheStreamAndAReconnectGetsExactlyWhatItMissed() throws Exception {
    String token = token(maria);
    List<TaskStreamClient.Event> seen = new ArrayList<>();
    long leadA;
    try (TaskStreamClient stream = TaskStreamClient.open(APP.getLocalPort(), token, null)) {
      assertEquals(200, stream.status());
      leadA = createLead(maria);
      TaskStreamClient.Event created = stream.next(WAIT);
      assertNotNull(created, "task.created for the new lead's call task");
      assertEquals("task.created", created.type());
      assertEquals(leadA, created.data().path("leadId").asLong());
      assertEquals(maria, created.data().path("agentId").asLong());
      assertEquals("OPEN", created.data().path("status").asText());
      assertEquals(created.id(), created.data().path("eventId").asLong());
      seen.add(created);
    }
    long lastSeen = seen.get(seen.size() - 1).id();

    // While disconnected: the task is completed and another lead arrives for Maria, one for Dev.
    long taskA = seen.get(0).data().path("taskId").asLong();
    Reply done = dealer.as(token).post("/v1/tasks/" + taskA + "/complete", Map.of("outcome", "LEFT_VOICEMAIL"));
    assertEquals(200, done.status(), done.body().toString());
    long leadB = createLead(maria);
    long leadForDev = createLead(dev);
    List<Long> missed = new ArrayList<>();
    Leads.await(WAIT, "the missed events to be stored", () -> {
      missed.clear();
      missed.addAll(eventIdsFor(maria, lastSeen));
      return missed.size() >= 2;
    });

    try (TaskStreamClient again = TaskStreamClient.open(APP.getLocalPort(), token, lastSeen)) {
      List<TaskStreamClient.Event> replayed = new ArrayList<>();
      for (int i = 0; i < missed.size(); i++) {
        TaskStreamClient.Event e = again.next(WAIT);
        assertNotNull(e, "replayed event " + (i + 1) + " of " + missed.size());
        replayed.add(e);
      }
      assertEquals(missed, replayed.stream().map(TaskStreamClient.Event::id).toList(), "exactly the missed ones");
      assertEquals("task.updated", replayed.get(0).type());
      assertEquals("DONE", replayed.get(0).data().path("status").asText());
      assertEquals("task.created", replayed.get(1).type());
      assertEquals(leadB, replayed.get(1).data().path("leadId").asLong());
      assertTrue(replayed.stream().noneMatch(e -> e.data().path("leadId").asLong() == leadForDev),
          "an agent hears of the agent's own tasks only");
      assertNull(again.next(Duration.ofMillis(800)), "nothing after the missed events");
    }
  }

  @Test
  void theDealershipKeyHearsOfEveryAgentsTasksAndOtherDealershipsHearNothing() throws Exception {
    String otherKeyAgentToken = new ApiClient(APP.getLocalPort(), OTHER_KEY).post("/v1/agents/"
        + new ApiClient(APP.getLocalPort(), OTHER_KEY).get("/v1/agents").body().path("items").get(0).path("id").asLong()
        + "/token", "{}").body().path("token").asText();
    try (TaskStreamClient all = TaskStreamClient.open(APP.getLocalPort(), KEY, null);
        TaskStreamClient stranger = TaskStreamClient.open(APP.getLocalPort(), OTHER_KEY, null);
        TaskStreamClient strangerAgent = TaskStreamClient.open(APP.getLocalPort(), otherKeyAgentToken, null)) {
      long lead = createLead(dev);
      TaskStreamClient.Event e = all.next(WAIT);
      assertNotNull(e);
      assertEquals(lead, e.data().path("leadId").asLong());
      assertNull(stranger.next(Duration.ofSeconds(1)), "another dealership's key");
      assertNull(strangerAgent.next(Duration.ofMillis(200)), "another dealership's agent");
    }
  }

  @Test
  void aStreamNeedsACredentialAndAReadableEventId() {
    try (TaskStreamClient none = TaskStreamClient.open(APP.getLocalPort(), "not-a-token", null)) {
      assertEquals(401, none.status());
    }
    try (TaskStreamClient badId = TaskStreamClient.open(APP.getLocalPort(), KEY, -5L)) {
      assertEquals(400, badId.status(), "a Last-Event-ID this stream never sent");
    }
  }

  private static List<Long> eventIdsFor(long agentId, long after) {
    return DB.jdbi().withHandle(h -> h.createQuery("""
            SELECT id FROM task_events WHERE (agent_id = :a OR previous_agent_id = :a) AND id > :after ORDER BY id
            """).bind("a", agentId).bind("after", after).mapTo(Long.class).list());
  }

  private static long createLead(long agentId) {
    Map<String, Object> lead = Leads.with(Leads.valid(), "assignedAgentId", agentId);
    lead.put("timezone", Leads.afternoonZone());
    Reply created = dealer.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    return created.body().path("id").asLong();
  }

  private static String token(long agentId) {
    return dealer.post("/v1/agents/" + agentId + "/token", "{}").body().path("token").asText();
  }
}
