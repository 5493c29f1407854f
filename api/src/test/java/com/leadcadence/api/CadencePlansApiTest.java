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
  private static final Path TEMPLATES = Path.of("..", "config", "templates");
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;

  @BeforeAll
  static void seed() {
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
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
    assertTrue(missing.body().path("errors").get(0).path("message").asText().contains("cadence plan not found"),
        missing.body().toString());
    long agent = dealer.get("/v1/agents").body().path("items").get(0).path("id").asLong();
    Reply issued = dealer.post("/v1/agents/" + agent + "/token", "{}");
    assertEquals(201, issued.status(), issued.body().toString());
    assertEquals(403, dealer.as(issued.body().path("token").asText()).get("/v1/cadences").status());
    assertEquals(401, dealer.as("no-such-key").get("/v1/cadences/hot").status());
  }
}
