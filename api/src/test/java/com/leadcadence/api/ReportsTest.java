package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.reports.FunnelCsv;
import com.leadcadence.store.AgentSeed;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.testing.FunnelDataSet;
import com.leadcadence.store.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report routes over HTTP: JSON and CSV of the funnel, speed to lead and the at-risk list on a
 * seeded data set (FunnelReportDaoTest checks the SQL's figures themselves), every refused parameter
 * named in a 422, and credentials: none is a 401, a dealership sees its own leads only, an agent's
 * token sees the reports and only its own leads at risk. Temporal is unreachable on purpose: the reports
 * need none, and the embedded server's reconciler would start cadences for the seeded open leads.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportsTest {
  private static final String KEY = "reports-dealer-key";
  private static final String OTHER_KEY = "reports-other-key";
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final Instant FROM = LocalDate.of(2026, 11, 1).atStartOfDay(ZONE).toInstant();
  private static final Instant TO = LocalDate.of(2026, 12, 1).atStartOfDay(ZONE).toInstant();
  private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withUnreachableTemporal(DB));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FunnelDataSet data;
  private static long agentId;
  private static String agentToken;

  @BeforeAll
  static void seed() throws Exception {
    DealershipSeed demo = DemoDealership.SEED;
    long dealershipId = new DealershipSeeder(DB.jdbi()).seed(new DealershipSeed("Report Motors", "America/Chicago",
        demo.businessHours(), "", demo.senderName(), demo.senderEmail(), demo.senderPhone(), true,
        demo.firstPartySources(), null, KEY, List.of(new AgentSeed("Maria Lopez", "maria@example.com", null,
            AgentRole.AGENT), new AgentSeed("Sam Reyes", "sam@example.com", null, AgentRole.AGENT))));
    new DealershipSeeder(DB.jdbi()).seed(new DealershipSeed("Other Motors", "UTC", demo.businessHours(), "",
        demo.senderName(), demo.senderEmail(), demo.senderPhone(), true, demo.firstPartySources(), null, OTHER_KEY,
        List.of()));
    List<Long> agents = DB.jdbi().onDemand(AgentDao.class).listAll(dealershipId).stream().map(AgentRow::id).toList();
    agentId = agents.get(0);
    data = FunnelDataSet.generate(11, 400, dealershipId, agents, FROM, TO, 1, 1);
    data.insert(DB.jdbi(), 400);
    HttpResponse<String> issued = send(request("/v1/agents/" + agentId + "/token", KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    assertEquals(201, issued.statusCode(), issued.body());
    agentToken = JSON.readTree(issued.body()).path("token").asText();
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  private static long leadsInNovember() {
    return data.leads.stream()
        .filter(l -> !l.createdAt.isBefore(FROM) && l.createdAt.isBefore(TO) && !l.status.equals("DUPLICATE"))
        .count();
  }

  @Test
  void theFunnelAsJsonHasTheTotalTheGroupsAndTheBenchmarks() throws Exception {
    JsonNode report = json("/v1/reports/funnel?" + NOVEMBER + "&groupBy=source", KEY);

    assertEquals("2026-11-01", report.path("from").asText());
    assertEquals("2026-11-30", report.path("to").asText());
    assertEquals("America/Chicago", report.path("zone").asText());
    assertEquals("source", report.path("groupBy").asText());
    JsonNode total = report.path("total");
    assertEquals("total", total.path("key").asText());
    assertEquals(leadsInNovember(), total.path("leads").asLong());
    long sum = 0;
    Set<String> keys = new TreeSet<>();
    for (JsonNode group : report.path("groups")) {
      sum += group.path("leads").asLong();
      keys.add(group.path("key").asText());
    }
    assertEquals(total.path("leads").asLong(), sum, "the groups add up to the total");
    assertEquals(new TreeSet<>(FunnelDataSet.SOURCES), keys);
    for (String rate : List.of("attemptedWithin5MinRate", "contactRate", "appointmentRate", "attemptsPerLead",
        "optOutRate", "bounceRate")) {
      assertTrue(total.path(rate).isNumber(), rate + " in " + total);
    }
    assertTrue(total.path("firstResponseSeconds").path("median").isNumber());
    assertTrue(total.path("firstResponseSeconds").path("p90").asDouble()
        >= total.path("firstResponseSeconds").path("median").asDouble());
    assertEquals(Set.of("EMAIL", "SMS", "CALL", "VOICEMAIL"), fieldNames(total.path("responseRateByChannel")));
    JsonNode benchmarks = report.path("benchmarks");
    assertEquals(0.40, benchmarks.path("contactRate").path("low").asDouble());
    assertEquals(0.50, benchmarks.path("contactRate").path("high").asDouble());
    assertEquals(10, benchmarks.path("attemptsPerLead").path("low").asInt());
    assertEquals(300, benchmarks.path("firstResponseSeconds").path("target").asInt());
    assertEquals("seed article", benchmarks.path("contactRate").path("source").asText());
  }

  /** By variant at one A/B step: a group per variant of that step, and none for the other leads. */
  @Test
  void theFunnelByVariantAtAStep() throws Exception {
    JsonNode report = json("/v1/reports/funnel?" + NOVEMBER + "&groupBy=variant&step=" + FunnelDataSet.VARIANT_STEP,
        KEY);
    assertEquals("variant", report.path("groupBy").asText());
    assertEquals(FunnelDataSet.VARIANT_STEP, report.path("step").asText());
    Set<String> keys = new TreeSet<>();
    long sum = 0;
    for (JsonNode group : report.path("groups")) {
      keys.add(group.path("key").asText());
      sum += group.path("leads").asLong();
    }
    Set<String> expected = new TreeSet<>(FunnelDataSet.VARIANTS);
    expected.add("none");
    assertEquals(expected, keys);
    assertEquals(leadsInNovember(), sum, "every lead in one group");
    assertTrue(json("/v1/reports/funnel?" + NOVEMBER + "&groupBy=source", KEY).path("step").isMissingNode(),
        "no step without groupBy=variant");

    for (String url : List.of("/v1/reports/funnel?" + NOVEMBER + "&groupBy=variant",
        "/v1/reports/funnel?" + NOVEMBER + "&groupBy=variant&step=",
        "/v1/reports/funnel?" + NOVEMBER + "&groupBy=source&step=sms-1")) {
      HttpResponse<String> response = send(request(url, KEY));
      assertEquals(422, response.statusCode(), url + ": " + response.body());
      assertEquals("step", JSON.readTree(response.body()).path("errors").get(0).path("field").asText(), url);
    }
  }

  @Test
  void withoutGroupByTheFunnelIsTheTotalAlone() throws Exception {
    JsonNode report = json("/v1/reports/funnel?" + NOVEMBER, KEY);
    assertTrue(report.path("groupBy").isNull());
    assertEquals(0, report.path("groups").size());
    assertEquals(leadsInNovember(), report.path("total").path("leads").asLong());
  }

  @Test
  void agentGroupsAreLabelledWithTheAgentsNames() throws Exception {
    JsonNode report = json("/v1/reports/funnel?" + NOVEMBER + "&groupBy=agent", KEY);
    Set<String> labels = new TreeSet<>();
    report.path("groups").forEach(g -> labels.add(g.path("label").asText()));
    assertEquals(Set.of("Maria Lopez", "Sam Reyes", "none"), labels);
  }

  @Test
  void theFunnelAsCsvHasAHeaderTheGroupsTheTotalAndTheBenchmarks() throws Exception {
    HttpResponse<String> byParameter = send(request("/v1/reports/funnel?" + NOVEMBER + "&groupBy=grade&format=csv", KEY));
    HttpResponse<String> byAccept = send(request("/v1/reports/funnel?" + NOVEMBER + "&groupBy=grade", KEY)
        .header("Accept", "text/csv"));

    assertEquals(200, byParameter.statusCode(), byParameter.body());
    assertTrue(byParameter.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(byParameter.body(), byAccept.body());
    List<String> lines = List.of(byParameter.body().split("\r\n"));
    assertEquals(FunnelCsv.HEADER, lines.get(0));
    int columns = FunnelCsv.HEADER.split(",").length;
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      assertEquals(columns, line.split(",", -1).length, line);
      keys.add(line.substring(0, line.indexOf(',')));
    }
    assertEquals(Set.of("A", "B", "C", "D"), new TreeSet<>(keys.subList(0, keys.size() - 3)));
    assertEquals(List.of("total", "benchmark low", "benchmark high"), keys.subList(keys.size() - 3, keys.size()));
    String total = lines.get(lines.size() - 3);
    assertTrue(total.startsWith("total,total," + leadsInNovember() + ","), total);
    assertTrue(lines.get(lines.size() - 2).contains(",0.4,"), "contact rate's low benchmark: " + lines.get(lines.size() - 2));
  }

  @Test
  void aSourceThatLooksLikeAFormulaIsDefusedInCsv() throws Exception {
    String body = send(request("/v1/reports/funnel?" + NOVEMBER + "&groupBy=source&format=csv", KEY)).body();
    assertTrue(body.contains("\r\n'=cmd,'=cmd,"), body);
  }

  @Test
  void speedToLeadBucketsEveryAttemptedLead() throws Exception {
    JsonNode report = json("/v1/reports/speed-to-lead?" + NOVEMBER, KEY);
    List<String> labels = new ArrayList<>();
    long bucketed = 0;
    for (JsonNode bucket : report.path("buckets")) {
      labels.add(bucket.path("label").asText());
      bucketed += bucket.path("leads").asLong();
    }
    assertEquals(List.of("< 1 min", "1-5 min", "5-15 min", "15-60 min", "1-24 h", "> 24 h"), labels);
    assertTrue(report.path("buckets").get(5).path("upToSeconds").isNull());
    assertEquals(leadsInNovember(), bucketed + report.path("notYetAttempted").asLong());
    assertEquals(leadsInNovember(), report.path("leads").asLong());
    assertTrue(report.path("medianSeconds").asDouble() > 0);
  }

  @Test
  void atRiskListsOverdueLeadsMostOverdueFirstAndAnAgentSeesOnlyItsOwn() throws Exception {
    JsonNode items = json("/v1/reports/at-risk", KEY).path("items");
    assertFalse(items.isEmpty(), "the data set has running uncontacted leads past their SLA");
    assertTrue(items.size() <= 100);
    long previous = Long.MAX_VALUE;
    for (JsonNode item : items) {
      long overdue = item.path("minutesOverdue").asLong();
      assertTrue(overdue <= previous && overdue >= 0, "most overdue first: " + items);
      previous = overdue;
      assertTrue(item.path("name").asText().matches("Test L\\."), item.toString());
    }
    JsonNode own = json("/v1/reports/at-risk", agentToken).path("items");
    assertFalse(own.isEmpty());
    own.forEach(item -> {
      assertEquals(agentId, item.path("agentId").asLong());
      assertEquals("Maria Lopez", item.path("agentName").asText());
    });
  }

  @Test
  void refusedParametersAreNamed() throws Exception {
    Map<String, String> cases = Map.of(
        "/v1/reports/funnel?from=2026-13-01&to=2026-11-30", "from",
        "/v1/reports/funnel?from=2026-11-01", "to",
        "/v1/reports/funnel?from=2026-11-30&to=2026-11-01", "to",
        "/v1/reports/funnel?from=2025-01-01&to=2026-11-30", "to",
        "/v1/reports/funnel?" + NOVEMBER + "&groupBy=week", "groupBy",
        "/v1/reports/funnel?period=yesterday", "period",
        "/v1/reports/funnel?period=today&from=2026-11-01&to=2026-11-30", "period",
        "/v1/reports/funnel?" + NOVEMBER + "&format=xml", "format",
        "/v1/reports/speed-to-lead?from=yesterday&to=2026-11-30", "from");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = send(request(c.getKey(), KEY));
      assertEquals(422, response.statusCode(), c.getKey() + ": " + response.body());
      assertEquals(c.getValue(), JSON.readTree(response.body()).path("errors").get(0).path("field").asText(), c.getKey());
    }
  }

  @Test
  void periodsAndCredentials() throws Exception {
    assertEquals(401, send(request("/v1/reports/funnel?" + NOVEMBER, null)).statusCode());
    assertEquals(401, send(request("/v1/reports/at-risk", "not-a-key")).statusCode());
    assertEquals(0, json("/v1/reports/funnel?" + NOVEMBER, OTHER_KEY).path("total").path("leads").asLong(),
        "another dealership sees none of these leads");
    assertTrue(json("/v1/reports/at-risk", OTHER_KEY).path("items").isEmpty());
    assertEquals(leadsInNovember(), json("/v1/reports/funnel?" + NOVEMBER, agentToken).path("total").path("leads")
        .asLong(), "an agent's token sees the dealership's funnel");
    JsonNode today = json("/v1/reports/funnel?period=today", KEY);
    assertEquals(today.path("from").asText(), today.path("to").asText());
    JsonNode monthToDate = json("/v1/reports/speed-to-lead?period=monthToDate", KEY);
    assertTrue(monthToDate.path("from").asText().endsWith("-01"), monthToDate.toString());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(String path, String credential) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request(path, credential));
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static HttpRequest.Builder request(String path, String credential) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path));
    return credential == null ? request : request.header("Authorization", "Bearer " + credential);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
