package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.workflows.model.Grade;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /v1/cadences and /v1/cadences/{name}: the dealership's plans (the defaults read at start), each in the
 * plan files' form with its name and version, which reads back as the very same plan.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CadencePlansApiTest {
  private static final String KEY = "cadences-dealer-key";
  /** A dealership of its own for the writes, so that the read tests see only the defaults. */
  private static final String WRITER_KEY = "cadences-writer-key";
  private static final String OTHER_KEY = "cadences-other-key";
  /** A dealership of its own for A/B timings and staleness limits. */
  private static final String TIMING_KEY = "cadences-timing-key";
  private static final Path TEMPLATES = Path.of("..", "config", "templates");
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static ApiClient writer;
  private static ApiClient other;
  private static ApiClient timing;

  @BeforeAll
  static void seed() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(WRITER_KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    writer = new ApiClient(APP.getLocalPort(), WRITER_KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(TIMING_KEY));
    timing = new ApiClient(APP.getLocalPort(), TIMING_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void theListHasEveryPlanWithItsNameAndVersion() {
    Reply list = dealer.get("/v1/cadences");
    assertEquals(200, list.status(), list.body().toString());
    List<String> names = new ArrayList<>();
    list.body().path("items").forEach(plan -> {
      names.add(plan.path("name").asText());
      assertEquals(1, plan.path("version").asInt(), plan.toString());
    });
    assertEquals(List.of("hot", "none", "nurture", "standard"), names);
  }

  @Test
  void onePlanAsItsFileSaysItReadsBackAsTheSamePlan(@TempDir Path dir) throws IOException {
    Reply hot = dealer.get("/v1/cadences/hot");
    assertEquals(200, hot.status(), hot.body().toString());
    JsonNode body = hot.body();
    assertEquals("hot", body.path("name").asText());
    assertEquals("[\"A\"]", body.path("grades").toString());
    assertEquals(30, body.path("retirementDay").asInt());
    assertEquals("15m", body.path("managerAlertAfter").asText());
    assertEquals(16, body.path("steps").size());
    assertEquals("{\"id\":\"call-1\",\"channel\":\"call\",\"template\":\"call\",\"timing\":\"+0m\",\"callSla\":\"5m\","
        + "\"conditions\":[]}", body.path("steps").get(1).toString());

    // JSON is YAML: the answer, as a plan file next to the other defaults, is the plan intake uses.
    for (String other : List.of("standard.yml", "nurture.yml", "none.yml")) {
      Files.copy(Path.of("..", "config", "cadences", other), dir.resolve(other));
    }
    Files.writeString(dir.resolve("hot.yml"), body.toString());
    CadencePlanLoader loader = new CadencePlanLoader(new MessageTemplates(TEMPLATES));
    CadencePlans fromAnswer = loader.load(dir);
    CadencePlans fromFiles = loader.load(Path.of("..", "config", "cadences"));
    assertEquals(fromFiles.forLead(Grade.A, "website"), fromAnswer.forLead(Grade.A, "website"));
  }

  @Test
  void anUnknownPlanIs404AndAnAgentsTokenIs403() {
    Reply missing = dealer.get("/v1/cadences/lukewarm");
    assertEquals(404, missing.status());
    assertTrue(missing.body().path("errors").get(0).path("message").asText().contains("cadence plan lukewarm not found"),
        missing.body().toString());
    long agent = dealer.get("/v1/agents").body().path("items").get(0).path("id").asLong();
    Reply issued = dealer.post("/v1/agents/" + agent + "/token", "{}");
    assertEquals(201, issued.status(), issued.body().toString());
    assertEquals(403, dealer.as(issued.body().path("token").asText()).get("/v1/cadences").status());
    assertEquals(401, dealer.as("no-such-key").get("/v1/cadences/hot").status());
  }

  @Test
  void eachPutIsANewVersionOldVersionsStayAndOtherDealershipsKeepTheDefaults() {
    JsonNode asAnswered = writer.get("/v1/cadences/standard").body();
    Reply same = writer.put("/v1/cadences/standard", "application/json", asAnswered.toString());
    assertEquals(200, same.status(), same.body().toString());
    assertEquals(2, same.body().path("version").asInt(), "a body as GET answered it is accepted: version 2");

    Reply yaml = writer.put("/v1/cadences/standard", "application/yaml", """
        name: standard
        version: 1
        grades: [B]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: call-1
            channel: call
            template: call
            timing: +0m
            callSla: 10m
        """);
    assertEquals(200, yaml.status(), yaml.body().toString());
    assertEquals(3, yaml.body().path("version").asInt());
    assertEquals(2, yaml.body().path("steps").size());

    assertEquals(3, writer.get("/v1/cadences/standard").body().path("version").asInt());
    assertEquals(16, writer.get("/v1/cadences/standard?version=2").body().path("steps").size());
    assertEquals(16, writer.get("/v1/cadences/standard?version=1").body().path("steps").size());
    assertEquals(404, writer.get("/v1/cadences/standard?version=9").status());
    List<Integer> versions = new ArrayList<>();
    writer.get("/v1/cadences/standard/versions").body().path("items").forEach(v -> versions.add(v.path("version").asInt()));
    assertEquals(List.of(1, 2, 3), versions);
    assertEquals(1, other.get("/v1/cadences/standard").body().path("version").asInt(), "another dealership");
  }

  @Test
  void aPlanWithMistakesIs422NamingEachFieldAndStoresNothing() {
    Reply bad = writer.put("/v1/cadences/nurture", "application/yaml", """
        name: nurture
        version: 1
        grades: [C]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-2
            channel: email
            template: vehicle-detials
            timing: +30m
          - id: ack
            channel: fax
            template: ack
            timing: +1h
        """);
    assertEquals(422, bad.status(), bad.body().toString());
    assertEquals(List.of("steps.email-2.template", "steps.ack.id", "steps.ack.channel"), bad.errorFields());

    assertEquals(List.of("name"), writer.put("/v1/cadences/nurture", "application/json",
        writer.get("/v1/cadences/none").body().toString()).errorFields(), "the body names another plan");
    Reply overlap = writer.put("/v1/cadences/fresh", "application/yaml", """
        name: fresh
        version: 1
        grades: [C]
        steps: []
        """);
    assertEquals(422, overlap.status(), overlap.body().toString());
    assertEquals(List.of("grades"), overlap.errorFields(), overlap.body().toString());
    assertEquals(1, writer.get("/v1/cadences/nurture/versions").body().path("items").size());
    assertEquals(404, writer.get("/v1/cadences/fresh").status());
  }

  /**
   * Timing variants and staleness limits round trip: a body as GET answered it is accepted by PUT, and as a
   * plan file it reads back as the same plan; their mistakes are 422s naming the field.
   */
  @Test
  void timingVariantsAndStalenessLimitsRoundTrip(@TempDir Path dir) throws IOException {
    Reply put = timing.put("/v1/cadences/nurture", "application/yaml", """
        name: nurture
        version: 1
        grades: [C]
        staleAfter: {SMS: 1h, email: 12h}
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-2
            channel: email
            template: options
            timingVariants:
              - {timing: 'day 1 at 10:00', weight: 2}
              - {timing: ' day 1   evening', weight: 1}
            staleAfter: 3h
        """);
    assertEquals(200, put.status(), put.body().toString());
    JsonNode answered = timing.get("/v1/cadences/nurture").body();
    assertEquals("{\"sms\":\"1h\",\"email\":\"12h\"}", answered.path("staleAfter").toString());
    assertEquals("{\"id\":\"email-2\",\"channel\":\"email\",\"template\":\"options\",\"timingVariants\":["
        + "{\"timing\":\"day 1 at 10:00\",\"weight\":2},{\"timing\":\"day 1   evening\",\"weight\":1}],"
        + "\"staleAfter\":\"3h\",\"conditions\":[]}", answered.path("steps").get(1).toString());

    Reply again = timing.put("/v1/cadences/nurture", "application/json", answered.toString());
    assertEquals(200, again.status(), again.body().toString());
    assertEquals(answered.path("steps"), again.body().path("steps"));
    assertEquals(answered.path("staleAfter"), again.body().path("staleAfter"));

    for (String other : List.of("hot.yml", "standard.yml", "none.yml")) {
      Files.copy(Path.of("..", "config", "cadences", other), dir.resolve(other));
    }
    CadencePlanLoader loader = new CadencePlanLoader(new MessageTemplates(TEMPLATES));
    Files.writeString(dir.resolve("nurture.yml"), answered.toString());
    CadencePlans fromAnswer = loader.load(dir);
    Files.writeString(dir.resolve("nurture.yml"), put.body().toString());
    assertEquals(loader.load(dir).forLead(Grade.C, "website"), fromAnswer.forLead(Grade.C, "website"));
    assertEquals(java.time.Duration.ofHours(3), fromAnswer.forLead(Grade.C, "website").steps().get(1).staleAfter());

    Reply bad = timing.put("/v1/cadences/nurture", "application/yaml", """
        name: nurture
        version: 1
        grades: [C]
        staleAfter: {sms: 0}
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-2
            channel: email
            template: options
            timingVariants:
              - {timing: day 1 at 10:00, weight: 1}
              - {timing: at receipt, weight: 1}
        """);
    assertEquals(422, bad.status(), bad.body().toString());
    assertEquals(List.of("staleAfter.sms", "steps.email-2.timingVariants[2].timing"), bad.errorFields());
  }

  @Test
  void intakeGivesANewLeadItsDealershipsPlanForItsSource() {
    ApiClient own = other;
    Reply put = own.put("/v1/cadences/from-facebook", "application/yaml", """
        name: from-facebook
        version: 1
        grades: [A, B]
        sources: [facebook]
        steps:
          - id: fb-ack
            channel: email
            template: ack
            timing: at receipt
        """);
    assertEquals(200, put.status(), put.body().toString());
    assertEquals(1, put.body().path("version").asInt(), "a new name starts at version 1");

    java.util.Map<String, Object> lead = Leads.valid();
    lead.put("source", "facebook");
    Reply created = own.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    assertTrue(List.of("A", "B").contains(created.body().path("grade").asText()), created.body().toString());
    long id = created.body().path("id").asLong();
    Leads.await(java.time.Duration.ofSeconds(30), "the plan's own acknowledgment", () -> {
      List<String> steps = new ArrayList<>();
      own.get("/v1/leads/" + id).body().path("touches").forEach(t -> steps.add(t.path("stepId").asText()));
      return steps.equals(List.of("fb-ack"));
    });
  }
}
