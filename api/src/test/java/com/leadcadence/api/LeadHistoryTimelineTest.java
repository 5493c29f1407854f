package com.leadcadence.api;

import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.intake.CadenceInputs;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.LeadMemo;
import com.leadcadence.workflows.LeadSearchAttributes;
import com.leadcadence.workflows.TaskQueues;
import com.leadcadence.workflows.model.LeadCadenceInput;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/leads/{id}/history} and {@code /timeline} end to end (real MariaDB, the embedded
 * Temporal server over gRPC, the worker with dry-run senders): a lead that is paused and resumed, gets an
 * agent's outcome, a re-inquiry that raises its score, and opts out of everything.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadHistoryTimelineTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "history-timeline-key";
  private static final String OTHER_KEY = "history-other-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static ApiClient other;
  private static long dealershipId;

  @BeforeAll
  static void clients() {
    dealershipId = new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(DemoDealership.SEED.withApiKey(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aPausedLeadWithAnOutcomeAndAnOptOutReadsBackAsHistoryAndTimeline() {
    Map<String, Object> body = Leads.with(Leads.without(Leads.valid(), "financing"), "timezone", Leads.afternoonZone());
    body.put("timeframe", "BROWSING");
    Reply created = dealer.post("/v1/leads", body);
    assertEquals(201, created.status(), created.body().toString());
    long id = created.body().path("id").asLong();
    int score = created.body().path("score").asInt();
    assertTrue(score <= 90, "room for the re-inquiry's 10 points: " + score);
    JsonNode lead = dealer.get("/v1/leads/" + id).body().path("lead");
    String email = lead.path("email").asText();
    String phone = lead.path("phone").asText();
    Leads.await(WAIT, "the acknowledgment", () -> touchSteps(id).contains("ack"));
    withClient(client -> {
      WorkflowExecutionDescription described = client.newUntypedWorkflowStub("lead-" + id).describe();
      assertEquals("J*** D***", described.getMemo(LeadMemo.LEAD, String.class), "the memo's name is masked");
      assertEquals("2024 Toyota Camry", described.getMemo(LeadMemo.VEHICLE, String.class));
      assertEquals("Always Open Motors", described.getMemo(LeadMemo.DEALERSHIP, String.class));
      assertEquals(String.valueOf(dealershipId), described.getMemo(LeadMemo.DEALERSHIP_ID, String.class));
      assertEquals((long) score, described.getTypedSearchAttributes().get(LeadSearchAttributes.LEAD_SCORE));
    });

    assertEquals(200, dealer.post("/v1/leads/" + id + "/pause", Map.of("reason", "call Jane back at " + phone)).status());
    assertEquals(200, dealer.post("/v1/leads/" + id + "/pause", Map.of()).status(), "a repeated pause is harmless");
    assertEquals(200, dealer.post("/v1/leads/" + id + "/resume", Map.of()).status());
    long agentId = agentId();
    String agentName = DB.jdbi().withHandle(h -> h.createQuery("SELECT name FROM agents WHERE id = :id")
        .bind("id", agentId).mapTo(String.class).one());
    Reply outcome = dealer.post("/v1/leads/" + id + "/outcomes",
        Map.of("type", "NO_ANSWER", "agentId", agentId, "note", "rang " + phone + ", mail " + email));
    assertEquals(200, outcome.status(), outcome.body().toString());

    // A re-inquiry from another source (same phone): a duplicate lead, and the original's score rises.
    Map<String, Object> again = Leads.with(Leads.valid(), "phone", phone);
    again.put("source", "chat");
    assertEquals("DUPLICATE", dealer.post("/v1/leads", again).body().path("status").asText());
    Leads.await(WAIT, "the score to rise", () ->
        dealer.get("/v1/leads/" + id).body().path("lead").path("score").asInt() == score + 10);

    Reply optOut = dealer.post("/v1/leads/" + id + "/opt-out", Map.of("channels", List.of("ALL")));
    assertEquals(200, optOut.status(), optOut.body().toString());
    Leads.await(WAIT, "the row to say OPTED_OUT", () ->
        dealer.get("/v1/leads/" + id).body().path("lead").path("status").asText().equals("OPTED_OUT"));
    Leads.await(WAIT, "the workflow to close", () -> lastHistoryType(id).equals("WorkflowExecutionCompleted"));

    // ---- timeline -----------------------------------------------------------------------------
    Reply timeline = dealer.get("/v1/leads/" + id + "/timeline");
    assertEquals(200, timeline.status(), timeline.body().toString());
    List<JsonNode> entries = new ArrayList<>();
    timeline.body().path("items").forEach(entries::add);
    List<String> kinds = entries.stream().map(e -> e.path("kind").asText()).toList();
    assertEquals("lead.created", kinds.get(0), kinds.toString());
    assertInOrder(kinds, "lead.created", "touch", "paused", "resumed", "outcome", "score", "opt-out");
    assertEquals(1, kinds.stream().filter("paused"::equals).count(), "the repeated pause is one entry: " + kinds);
    assertTrue(kinds.contains("task.created"), "the first call task: " + kinds);
    assertTrue(kinds.contains("task.cancelled") || kinds.contains("task.done"), "the call task closed: " + kinds);
    Instant previous = Instant.EPOCH;
    for (JsonNode e : entries) {
      Instant at = Instant.parse(e.path("time").asText());
      assertFalse(at.isBefore(previous), "oldest first: " + entries);
      previous = at;
      assertFalse(e.path("cause").asText().isBlank(), "every entry says who or what: " + e);
    }
    JsonNode ack = entry(entries, "touch", "ack");
    assertEquals("the cadence", ack.path("cause").asText());
    JsonNode paused = entry(entries, "paused", "");
    assertEquals("CRM via API key", paused.path("cause").asText());
    assertTrue(paused.path("summary").asText().contains("call J*** back"), paused.toString());
    JsonNode noAnswer = entry(entries, "outcome", "NO_ANSWER");
    assertEquals("agent " + agentName, noAnswer.path("cause").asText());
    assertEquals("agent " + agentName, entry(entries, "task.done", "NO_ANSWER").path("cause").asText(),
        "the call task was closed by the outcome's agent");
    JsonNode scored = entry(entries, "score", "");
    assertEquals("score " + score + " -> " + (score + 10), scored.path("summary").asText());
    assertEquals("lead engagement RE_INQUIRY", scored.path("cause").asText());
    assertEquals("CRM via API key", entry(entries, "opt-out", "SMS").path("cause").asText());
    assertMasked(timeline.body().toString(), email, phone);

    // ---- history, read in pages of 7 lines --------------------------------------------------------
    List<JsonNode> lines = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Reply page = dealer.get("/v1/leads/" + id + "/history?limit=7"
          + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
      assertEquals(200, page.status(), page.body().toString());
      assertTrue(page.body().path("items").size() <= 7);
      page.body().path("items").forEach(lines::add);
      assertMasked(page.body().toString(), email, phone);
      token = page.body().path("nextPageToken").isNull() ? null : page.body().path("nextPageToken").asText(null);
      pages++;
    } while (token != null && pages < 200);
    assertNull(token, "the history ends");
    assertTrue(pages > 3, "a long history comes in pages: " + pages);
    Reply whole = dealer.get("/v1/leads/" + id + "/history?limit=1000");
    assertEquals(lines.size(), whole.body().path("items").size(), "pages add up to the whole history");
    assertTrue(whole.body().path("nextPageToken").isNull());

    writeSample(timeline.body(), whole.body());

    Set<Long> ids = new HashSet<>();
    long last = 0;
    for (JsonNode line : lines) {
      long eventId = line.path("eventId").asLong();
      assertTrue(eventId > last, "one line per event, in order");
      last = eventId;
      assertTrue(ids.add(eventId));
      assertNotNull(line.path("time").asText(null));
      assertNotNull(line.path("type").asText(null));
    }
    assertEquals("WorkflowExecutionStarted", lines.get(0).path("type").asText());
    assertEquals("WorkflowExecutionCompleted", lines.get(lines.size() - 1).path("type").asText());
    List<String> signals = lines.stream().filter(l -> l.has("signal")).map(l -> l.path("signal").asText()).toList();
    assertInOrder(signals, "pause", "resume", "engagement", "optOut");
    assertTrue(lines.stream().anyMatch(l -> l.path("update").asText().startsWith("recordOutcome")),
        "the outcome's Update is named");
    JsonNode ackSend = lines.stream()
        .filter(l -> l.path("type").asText().equals("ActivityTaskScheduled") && l.path("summary").asText().equals("ack: email #1"))
        .findFirst().orElseThrow(() -> new AssertionError("the acknowledgment's activity with its summary: " + lines));
    assertTrue(ackSend.path("activity").asText().startsWith("Perform #"), ackSend.toString());
    assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("TimerStarted")
        && l.path("summary").asText().contains("(waiting until ")), "a timer says what it waits for");
    assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("UpsertWorkflowSearchAttributes")
        && l.path("payload").asText().contains("\"LeadScore\":" + (score + 10))), "LeadScore follows the score");
    assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("UpsertWorkflowSearchAttributes")
        && l.path("payload").asText().contains("\"LeadStep\":\"")), "LeadStep follows the step waited for");
    assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("MarkerRecorded")
        && l.path("payload").asText().contains("readable-history")), "the version marker");
  }

  /**
   * A lead whose workflow continues as new every 25 events (the input's test-only limit; intake never
   * sets it): its history comes from the first run on, each run after the one it continues.
   */
  /**
   * The lead's row names the replacing workflow. The terminated run's last activities (the call task, the
   * first response) may still be writing the same row: a deadlock with them (seen once in a clean-clone
   * run) is retried, as the product's own activities are.
   */
  private static void pointLeadAt(long id, String workflowId) {
    for (int attempt = 1; ; attempt++) {
      try {
        DB.jdbi().useHandle(h -> h.createUpdate("UPDATE leads SET workflow_id = :w WHERE id = :id")
            .bind("w", workflowId).bind("id", id).execute());
        return;
      } catch (UnableToExecuteStatementException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Deadlock")) {
          throw e;
        }
      }
    }
  }

  @Test
  void aHistoryFollowsTheRunsOfAContinuedWorkflowInOrder() {
    Map<String, Object> body = Leads.with(Leads.valid(), "timezone", Leads.afternoonZone());
    long id = dealer.post("/v1/leads", body).body().path("id").asLong();
    Leads.await(WAIT, "the acknowledgment", () -> touchSteps(id).contains("ack"));
    String workflowId = "lead-" + id + "-continued";
    withClient(client -> {
      client.newUntypedWorkflowStub("lead-" + id).terminate("replaced by a workflow that continues as new often");
      LeadRow lead = DB.jdbi().onDemand(LeadDao.class).findById(id).orElseThrow();
      DealershipRow dealership = DB.jdbi().onDemand(DealershipDao.class).findById(dealershipId).orElseThrow();
      CadencePlans plans = new CadencePlanLoader(new MessageTemplates(Path.of("..", "config", "templates")))
          .load(Path.of("..", "config", "cadences"));
      LeadCadenceInput input = CadenceInputs.forLead(lead, dealership,
          new OptOutRegistry(DB.jdbi().onDemand(OptOutDao.class)), plans).continuingAsNewAfter(25);
      pointLeadAt(id, workflowId);
      WorkflowClient.start(client.newWorkflowStub(LeadCadenceWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(workflowId).setTaskQueue(TaskQueues.LEAD_CADENCE).build())::run, input);
      for (int i = 0; i < 12 && runs(id) < 3; i++) {
        assertEquals(200, dealer.post("/v1/leads/" + id + "/pause", Map.of()).status());
        assertEquals(200, dealer.post("/v1/leads/" + id + "/resume", Map.of()).status());
      }
      assertTrue(runs(id) >= 3, "the workflow continued as new at least twice: " + runs(id));

      List<JsonNode> lines = new ArrayList<>();
      String token = null;
      do {
        JsonNode page = dealer.get("/v1/leads/" + id + "/history?limit=10"
            + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).body();
        page.path("items").forEach(lines::add);
        token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asText(null);
      } while (token != null);

      List<String> runIds = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = lines.get(i);
        String runId = line.path("runId").asText();
        if (runIds.isEmpty() || !runIds.get(runIds.size() - 1).equals(runId)) {
          assertFalse(runIds.contains(runId), "each run's lines together: " + runIds);
          assertEquals(1, line.path("eventId").asLong(), "a run starts at its first event");
          assertEquals("WorkflowExecutionStarted", line.path("type").asText());
          if (!runIds.isEmpty()) {
            assertEquals("continues run " + runIds.get(runIds.size() - 1), line.path("summary").asText());
            // The previous run ends with its close event naming this run; the SDK's test server, asked to
            // continue as new while a signal arrives, sometimes starts the next run without recording it.
            JsonNode previous = lines.get(i - 1);
            if (previous.path("type").asText().startsWith("WorkflowExecution")) {
              assertEquals("WorkflowExecutionContinuedAsNew", previous.path("type").asText());
              assertEquals("continued as new: run " + runId, previous.path("summary").asText());
            }
          }
          runIds.add(runId);
        } else {
          assertEquals(lines.get(i - 1).path("eventId").asLong() + 1, line.path("eventId").asLong(), "no gap");
        }
      }
      assertTrue(runIds.size() >= 3, "every run: " + runIds + ", ending " + lines.subList(Math.max(0, lines.size() - 4),
          lines.size()).stream().map(l -> l.path("eventId") + " " + l.path("type").asText()).toList());
      assertEquals("WorkflowExecutionStarted", lines.get(0).path("type").asText());
      assertTrue(lines.get(0).path("summary").isMissingNode(), "the first run continues nothing");
    });
  }

  /** A Temporal client of the app's embedded server, for what the API does not do (describe, a test-only start). */
  private static void withClient(java.util.function.Consumer<WorkflowClient> use) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + APP.getConfiguration().getTemporal().getEmbeddedPort()).build());
    try {
      use.accept(WorkflowClient.newInstance(stubs));
    } finally {
      stubs.shutdownNow();
    }
  }

  private static int runs(long id) {
    return dealer.get("/v1/leads/" + id).body().path("state").path("runs").asInt();
  }

  @Test
  void anotherDealershipsLeadIsNotFoundAndABadTokenIsRefused() {
    long id = dealer.post("/v1/leads", Leads.valid()).body().path("id").asLong();
    assertEquals(404, other.get("/v1/leads/" + id + "/history").status());
    assertEquals(404, other.get("/v1/leads/" + id + "/timeline").status());
    Reply badToken = dealer.get("/v1/leads/" + id + "/history?pageToken=nonsense");
    assertEquals(400, badToken.status(), badToken.body().toString());
    assertEquals(List.of("pageToken"), badToken.errorFields());
    assertEquals(List.of("limit"), dealer.get("/v1/leads/" + id + "/history?limit=0").errorFields());
  }

  /** The timeline and history as this run saw them, for people reviewing the wording (target/). */
  private static void writeSample(JsonNode timeline, JsonNode history) {
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "lead-timeline-sample.json"),
          ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(timeline));
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "lead-history-sample.json"),
          ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertMasked(String json, String email, String phone) {
    assertFalse(json.toLowerCase().contains(email.toLowerCase()), "no raw e-mail: " + json);
    assertFalse(json.contains(phone), "no raw phone: " + json);
    assertFalse(json.contains(phone.substring(2)), "no raw national number: " + json);
    assertFalse(json.contains("Doe"), "no last name: " + json);
    assertFalse(json.contains("Jane"), "no first name: " + json);
  }

  /** The names appear in this order (other names may come between). */
  private static void assertInOrder(List<String> all, String... expected) {
    int at = 0;
    for (String name : all) {
      if (at < expected.length && name.equals(expected[at])) {
        at++;
      }
    }
    assertEquals(expected.length, at, "expected " + List.of(expected) + " in this order in " + all);
  }

  private static JsonNode entry(List<JsonNode> entries, String kind, String summaryPart) {
    return entries.stream()
        .filter(e -> e.path("kind").asText().equals(kind) && e.path("summary").asText().contains(summaryPart))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " entry with " + summaryPart + ": " + entries));
  }

  private static List<String> touchSteps(long id) {
    List<String> steps = new ArrayList<>();
    dealer.get("/v1/leads/" + id).body().path("touches").forEach(t -> steps.add(t.path("stepId").asText()));
    return steps;
  }

  private static String lastHistoryType(long id) {
    JsonNode items = dealer.get("/v1/leads/" + id + "/history?limit=1000").body().path("items");
    return items.size() == 0 ? "" : items.get(items.size() - 1).path("type").asText();
  }

  private static long agentId() {
    return DB.jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM agents WHERE dealership_id = :d AND role = 'AGENT' ORDER BY id LIMIT 1")
        .bind("d", dealershipId).mapTo(Long.class).one());
  }
}
