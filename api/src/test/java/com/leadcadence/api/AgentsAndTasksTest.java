package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Agents, their tokens and their task inbox, end to end: real MariaDB, the embedded Temporal server
 * over gRPC, the worker creating call tasks. Tenant and role isolation on every route.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgentsAndTasksTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "always-open-key";
  private static final String OTHER_KEY = "other-dealership-tasks-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static ApiClient other;
  private static long maria;
  private static long dev;
  private static long manager;

  @BeforeAll
  static void seed() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
    JsonNode agents = dealer.get("/v1/agents").body().path("items");
    maria = agents.get(0).path("id").asLong();
    dev = agents.get(1).path("id").asLong();
    manager = agents.get(2).path("id").asLong();
    assertEquals("MANAGER", agents.get(2).path("role").asText());
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void agentsAreCreatedEditedAndValidatedFieldByField() {
    Reply created = dealer.post("/v1/agents", Map.of("name", "Sam Reyes", "email", "Sam@Example.com",
        "phone", "+13125550177", "role", "AGENT", "shiftHours", "MON-FRI 07:00-15:00", "notify", "SMS",
        "maxOpenTasks", 8));
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    assertEquals("sam@example.com", created.body().path("email").asText());
    assertEquals("SMS", created.body().path("notify").asText());
    assertEquals(8, created.body().path("maxOpenTasks").asInt());
    assertTrue(created.body().path("available").asBoolean());

    Reply patched = dealer.patch("/v1/agents/" + id, Map.of("available", false));
    assertEquals(200, patched.status(), patched.body().toString());
    assertFalse(patched.body().path("available").asBoolean());
    assertEquals("MON-FRI 07:00-15:00", patched.body().path("shiftHours").asText(), "a patch keeps the rest");

    assertEquals(List.of("phone"), dealer.post("/v1/agents", Map.of("name", "X", "role", "AGENT",
        "phone", "312-555-0100")).errorFields());
    assertEquals(List.of("shiftHours"), dealer.post("/v1/agents", Map.of("name", "X", "role", "AGENT",
        "shiftHours", "weekdays")).errorFields());
    assertEquals(List.of("notify"), dealer.post("/v1/agents", Map.of("name", "X", "role", "AGENT",
        "notify", "SMS")).errorFields());
    assertEquals(List.of("role"), dealer.post("/v1/agents", Map.of("name", "X")).errorFields());
    Reply badEnum = dealer.post("/v1/agents", Map.of("name", "X", "role", "BOSS"));
    assertEquals(400, badEnum.status());
    assertEquals(404, other.get("/v1/agents/" + id).status(), "another dealership's agent");
    assertEquals(404, other.patch("/v1/agents/" + id, Map.of("available", true)).status());
  }

  @Test
  void anAgentsTokenReachesOnlyTheAgentsOwnTasks() {
    String token = token(maria);
    ApiClient agent = dealer.as(token);
    assertEquals(200, agent.get("/v1/tasks").status());
    assertEquals(403, agent.post("/v1/leads", Leads.valid()).status(), "agents do not take leads in");
    assertEquals(403, agent.get("/v1/agents").status());
    assertEquals(List.of("agentId"), agent.get("/v1/tasks?agentId=" + dev).errorFields());
    assertEquals(401, new ApiClient(APP.getLocalPort(), null).get("/v1/tasks").status());

    assertEquals(200, dealer.delete("/v1/agents/" + maria + "/token").status());
    assertEquals(401, agent.get("/v1/tasks").status(), "a revoked token");
  }

  @Test
  void aCallTaskIsWorkedToItsOutcomeByItsAgentOnly() {
    ApiClient mariaClient = dealer.as(token(maria));
    ApiClient devClient = dealer.as(token(dev));
    long lead = createLead(maria);
    JsonNode task = awaitTask(mariaClient, lead);
    long taskId = task.path("id").asLong();
    assertEquals("CALL", task.path("kind").asText());
    assertEquals("OPEN", task.path("status").asText());
    assertEquals(maria, task.path("agentId").asLong());
    assertEquals(1, task.path("attempt").asInt());
    assertFalse(task.path("script").asText().isBlank());
    assertNotNull(task.path("dueAt").asText());
    JsonNode summary = task.path("lead");
    assertEquals("Jane Doe", summary.path("name").asText());
    assertEquals("2024 Toyota Camry", summary.path("vehicle").asText());
    assertEquals("A", summary.path("grade").asText());
    assertTrue(summary.path("localTime").asText().matches("1[2-4]:\\d\\d"), summary.toString());
    assertTrue(summary.path("channels").toString().contains("SMS"), summary.toString());

    JsonNode detail = mariaClient.get("/v1/tasks/" + taskId).body();
    assertTrue(detail.path("touches").size() >= 1, "the lead's history comes with the task");

    assertEquals(404, devClient.get("/v1/tasks/" + taskId).status(), "another agent's task");
    assertEquals(404, devClient.post("/v1/tasks/" + taskId + "/complete", Map.of("outcome", "CONTACTED")).status());
    assertEquals(404, other.get("/v1/tasks/" + taskId).status(), "another dealership's task");
    assertEquals(404, other.post("/v1/tasks/" + taskId + "/complete", Map.of("outcome", "CONTACTED")).status());
    assertEquals(List.of("outcome"), mariaClient.post("/v1/tasks/" + taskId + "/complete", Map.of()).errorFields());
    assertEquals(400, mariaClient.post("/v1/tasks/" + taskId + "/complete", Map.of("outcome", "WAVED")).status());
    assertEquals("OPEN", mariaClient.get("/v1/tasks/" + taskId).body().path("status").asText(), "nothing stored");

    Reply done = mariaClient.post("/v1/tasks/" + taskId + "/complete", Map.of("outcome", "NO_ANSWER", "note", "rang out"));
    assertEquals(200, done.status(), done.body().toString());
    assertEquals("DONE", done.body().path("task").path("status").asText());
    assertEquals("NO_ANSWER", done.body().path("task").path("outcome").asText());
    assertEquals("ACTIVE", done.body().path("lead").path("status").asText());
    assertEquals("NO_ANSWER", done.body().path("lead").path("lastOutcome").asText());
    Reply again = mariaClient.post("/v1/tasks/" + taskId + "/complete", Map.of("outcome", "CONTACTED"));
    assertEquals(409, again.status(), again.body().toString());
    assertTrue(ids(mariaClient.get("/v1/tasks?status=DONE&leadId=" + lead)).contains(taskId));
    assertFalse(ids(mariaClient.get("/v1/tasks?leadId=" + lead)).contains(taskId), "no longer to do");
  }

  @Test
  void anOutcomeThatEndsTheCadenceCancelsTheLeadsOtherTasks() {
    long lead = createLead(dev);
    ApiClient devClient = dealer.as(token(dev));
    long call = awaitTask(devClient, lead).path("id").asLong();
    Reply contacted = dealer.post("/v1/leads/" + lead + "/outcomes", Map.of("type", "CONTACTED"));
    assertEquals(200, contacted.status(), contacted.body().toString());
    JsonNode task = devClient.get("/v1/tasks/" + call).body();
    assertEquals("DONE", task.path("status").asText(), "a CRM's outcome closes the lead's call tasks");
    assertEquals("CONTACTED", task.path("outcome").asText());
    Leads.await(WAIT, "the lead's row to close", () ->
        dealer.get("/v1/leads/" + lead).body().path("lead").path("status").asText().equals("CONTACTED"));
  }

  @Test
  void reassigningALeadMovesItsOpenTasks() {
    long lead = createLead(maria);
    long taskId = awaitTask(dealer, lead).path("id").asLong();
    assertEquals(List.of("agentId"),
        dealer.post("/v1/leads/" + lead + "/reassign", Map.of("agentId", 999999)).errorFields());
    Reply moved = dealer.post("/v1/leads/" + lead + "/reassign", Map.of("agentId", dev));
    assertEquals(200, moved.status(), moved.body().toString());
    assertEquals(dev, moved.body().path("assignedAgentId").asLong());
    assertEquals(dev, dealer.get("/v1/tasks/" + taskId).body().path("agentId").asLong());
    assertEquals(dev, dealer.get("/v1/leads/" + lead).body().path("state").path("assignedAgentId").asLong(),
        "the workflow heard of it");
    assertEquals(404, other.post("/v1/leads/" + lead + "/reassign", Map.of("agentId", dev)).status());
  }

  @Test
  void deactivatingAnAgentMovesTheirWorkAndEndsTheirToken() {
    long leaving = dealer.post("/v1/agents", Map.of("name", "Temp Agent", "role", "AGENT")).body().path("id").asLong();
    ApiClient leavingClient = dealer.as(token(leaving));
    long lead = createLead(leaving);
    long taskId = awaitTask(leavingClient, lead).path("id").asLong();

    Reply deactivated = dealer.post("/v1/agents/" + leaving + "/deactivate", "{}");
    assertEquals(200, deactivated.status(), deactivated.body().toString());
    assertFalse(deactivated.body().path("active").asBoolean());
    long newAgent = dealer.get("/v1/tasks/" + taskId).body().path("agentId").asLong();
    assertTrue(newAgent == maria || newAgent == dev, "moved to an active agent: " + newAgent);
    assertEquals(newAgent, dealer.get("/v1/leads/" + lead).body().path("lead").path("assignedAgentId").asLong());
    assertEquals(401, leavingClient.get("/v1/tasks").status());
    assertEquals(409, dealer.post("/v1/agents/" + leaving + "/token", "{}").status());
  }

  @Test
  void intakeRefusesAnotherDealershipsAgentAndStoresNothing() {
    long otherAgent = other.get("/v1/agents").body().path("items").get(0).path("id").asLong();
    Map<String, Object> lead = Leads.with(Leads.valid(), "assignedAgentId", otherAgent);
    Reply refused = dealer.post("/v1/leads", lead);
    assertEquals(422, refused.status(), refused.body().toString());
    assertEquals(List.of("assignedAgentId"), refused.errorFields());
    int rows = DB.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads WHERE external_id = :e")
        .bind("e", (String) lead.get("externalId")).mapTo(Integer.class).one());
    assertEquals(0, rows);
  }

  @Test
  void tasksArePagedDueFirstWithACursor() {
    for (int i = 0; i < 3; i++) {
      createLead(manager);
    }
    ApiClient managerClient = dealer.as(token(manager));
    Leads.await(WAIT, "three tasks for the manager", () ->
        managerClient.get("/v1/tasks?agentId=" + manager).body().path("items").size() >= 3);
    Reply first = managerClient.get("/v1/tasks?agentId=" + manager + "&limit=2");
    assertEquals(2, first.body().path("items").size());
    String cursor = first.body().path("nextCursor").asText();
    Reply second = managerClient.get("/v1/tasks?agentId=" + manager + "&limit=2&cursor=" + cursor);
    List<Long> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertEquals(all.size(), all.stream().distinct().count(), "no task twice");
    List<String> due = new ArrayList<>();
    first.body().path("items").forEach(t -> due.add(t.path("dueAt").asText()));
    second.body().path("items").forEach(t -> due.add(t.path("dueAt").asText()));
    assertEquals(due.stream().sorted().toList(), due, "due first");
    assertEquals(List.of("cursor"), managerClient.get("/v1/tasks?cursor=not-ours").errorFields());
    assertEquals(List.of("status"), managerClient.get("/v1/tasks?status=LATE").errorFields());
    assertEquals(List.of("limit"), managerClient.get("/v1/tasks?limit=0").errorFields());
  }

  private static long createLead(long agentId) {
    Map<String, Object> lead = Leads.with(Leads.valid(), "assignedAgentId", agentId);
    lead.put("timezone", Leads.afternoonZone());
    lead.put("consent", Map.of("sms", true, "voice", true));
    Reply created = dealer.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    return created.body().path("id").asLong();
  }

  private static JsonNode awaitTask(ApiClient client, long lead) {
    JsonNode[] found = new JsonNode[1];
    Leads.await(WAIT, "the call task of lead " + lead, () -> {
      JsonNode items = client.get("/v1/tasks?leadId=" + lead).body().path("items");
      found[0] = items.size() > 0 ? items.get(0) : null;
      return found[0] != null;
    });
    return found[0];
  }

  private static String token(long agentId) {
    Reply issued = dealer.post("/v1/agents/" + agentId + "/token", "{}");
    assertEquals(201, issued.status(), issued.body().toString());
    return issued.body().path("token").asText();
  }

  private static List<Long> ids(Reply page) {
    List<Long> ids = new ArrayList<>();
    page.body().path("items").forEach(t -> ids.add(t.path("id").asLong()));
    return ids;
  }
}
