package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.ApiKeys;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/leads end to end: leads taken in through the API (real MariaDB, the embedded Temporal server,
 * the worker), then listed, filtered, looked up by q and polled for changes as a CRM would, with every
 * bad parameter named and no lead, cursor or count crossing from one dealership to another.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadSearchTest {
  private static final String KEY = "search-dealer-key";
  private static final String OTHER_KEY = "search-other-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static ApiClient other;
  private static long dealerId;
  /** Ours, in intake order. */
  private static final List<Long> ours = new ArrayList<>();
  private static long ana;
  private static long theirs;

  @BeforeAll
  static void takeLeadsIn() {
    dealerId = new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
    for (int i = 0; i < 5; i++) {
      ours.add(create(dealer, Leads.with(Leads.valid(), "source", i % 2 == 0 ? "website" : "autotrader")));
    }
    ana = create(dealer, lead("Ana", "Ruiz", "ana.ruiz@example.com", "+13125550144", "cars.com"));
    ours.add(ana);
    ours.add(create(dealer, lead("Anton", "Berg", "anton.berg@example.com", "+13125550145", "website")));
    // The other dealership has a lead with Ana's very phone and e-mail.
    theirs = create(other, lead("Ana", "Ruiz", "ana.ruiz@example.com", "+13125550144", "cars.com"));
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void pagesWalkTheDealershipsLeadsNewestFirstWithoutGapsOrRepeats() {
    List<JsonNode> items = all(dealer, "/v1/leads?limit=2");
    List<Long> newestFirst = new ArrayList<>(ours);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, ids(items), "every lead of ours once, newest first (created_at, then id)");
    for (JsonNode item : items) {
      assertNotNull(item.path("updatedAt").textValue(), "items carry updatedAt for polling");
      assertEquals("lead-" + item.path("id").asLong(), item.path("workflowId").asText());
    }
    assertEquals(List.of(theirs), ids(all(other, "/v1/leads")), "the other key sees its own lead only");
  }

  @Test
  void filtersNarrowThePage() {
    assertEquals(List.of(ours.get(3), ours.get(1)), ids(all(dealer, "/v1/leads?source=autotrader")));
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?source=cars.com")));
    List<JsonNode> everything = all(dealer, "/v1/leads");
    String grade = everything.get(0).path("grade").asText();
    List<Long> ofGrade = everything.stream().filter(i -> i.path("grade").asText().equals(grade))
        .map(i -> i.path("id").asLong()).toList();
    assertEquals(ofGrade, ids(all(dealer, "/v1/leads?grade=" + grade.toLowerCase())));

    // createdFrom inclusive, createdTo exclusive; the same instants with another offset select the same.
    Instant third = Instant.parse(byId(everything, ours.get(2)).path("createdAt").asText());
    Instant sixth = Instant.parse(byId(everything, ours.get(5)).path("createdAt").asText());
    List<Long> between = everything.stream()
        .filter(i -> !Instant.parse(i.path("createdAt").asText()).isBefore(third)
            && Instant.parse(i.path("createdAt").asText()).isBefore(sixth))
        .map(i -> i.path("id").asLong()).toList();
    assertTrue(between.contains(ours.get(2)) && !between.contains(ours.get(5)));
    assertEquals(between, ids(all(dealer, "/v1/leads?createdFrom=" + third + "&createdTo=" + sixth)));
    String chicagoFrom = third.atOffset(java.time.ZoneOffset.ofHours(-6)).toString();
    assertEquals(between, ids(all(dealer, "/v1/leads?createdFrom=" + encode(chicagoFrom) + "&createdTo=" + sixth)));
    // A date is the dealership's whole day (UTC for this one): today's leads are all of ours.
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertEquals(ours.size(), all(dealer, "/v1/leads?createdFrom=" + today + "&createdTo=" + today).size());
  }

  @Test
  void qFindsALeadByPhoneInAnyFormatByEmailPrefixOrByName() {
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=" + encode("(312) 555-0144"))));
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=" + encode("+1 312.555.0144"))));
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=" + encode("ANA.RUIZ@example.com"))));
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=" + encode("ana.ruiz@ex"))), "an e-mail prefix");
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=ana.r")), "a word starts an e-mail too");
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=ruiz")), "a last-name prefix");
    assertEquals(List.of(ours.get(6), ana), ids(all(dealer, "/v1/leads?q=an")), "first-name prefixes");
    assertEquals(List.of(ana), ids(all(dealer, "/v1/leads?q=" + encode("an ru"))), "first then last name");
    assertEquals(List.of(), ids(all(dealer, "/v1/leads?q=" + encode("an_"))), "_ is a character, not a wildcard");
    assertEquals(List.of(theirs), ids(all(other, "/v1/leads?q=" + encode("(312) 555-0144"))),
        "the same phone at the other dealership finds only its own lead");
  }

  @Test
  void updatedSincePollsChangesInChangeOrder() {
    Instant before = Instant.now().minusSeconds(1);
    Reply outcome = dealer.post("/v1/leads/" + ana + "/outcomes", Map.of("type", "CONTACTED"));
    assertEquals(200, outcome.status(), outcome.body().toString());
    Leads.await(Duration.ofSeconds(20), "the row to follow the workflow", () ->
        ids(all(dealer, "/v1/leads?status=CONTACTED")).equals(List.of(ana)));
    List<JsonNode> changed = all(dealer, "/v1/leads?updatedSince=" + before);
    assertTrue(ids(changed).contains(ana), "the contacted lead is among the changes");
    List<JsonNode> sorted = new ArrayList<>(changed);
    sorted.sort(Comparator.comparing((JsonNode i) -> Instant.parse(i.path("updatedAt").asText()))
        .thenComparing(i -> i.path("id").asLong()));
    assertEquals(ids(sorted), ids(changed), "oldest change first, so a poller can resume after the last one");
    assertTrue(changed.stream().allMatch(i -> !Instant.parse(i.path("updatedAt").asText()).isBefore(before)));
    assertEquals(ids(changed), ids(all(dealer, "/v1/leads?limit=1&updatedSince=" + before)), "page by page");
    assertFalse(ids(all(other, "/v1/leads?updatedSince=" + before)).contains(ana));
  }

  @Test
  void everyBadParameterIsNamed() {
    expectError(400, "status", "/v1/leads?status=WON");
    expectError(400, "status", "/v1/leads?status=ACTIVE,WON");
    expectError(400, "grade", "/v1/leads?grade=E");
    expectError(400, "agentId", "/v1/leads?agentId=-3");
    expectError(400, "agentId", "/v1/leads?agentId=maria");
    expectError(400, "createdFrom", "/v1/leads?createdFrom=yesterday");
    expectError(400, "createdFrom", "/v1/leads?createdFrom=2026-11-30T10:00:00");
    expectError(400, "updatedSince", "/v1/leads?updatedSince=1700000000");
    expectError(422, "createdTo", "/v1/leads?createdFrom=2026-11-30&createdTo=2026-11-01");
    expectError(400, "limit", "/v1/leads?limit=ten");
    expectError(422, "limit", "/v1/leads?limit=0");
    expectError(422, "limit", "/v1/leads?limit=201");
    expectError(422, "q", "/v1/leads?q=a");
    expectError(422, "q", "/v1/leads?q=" + encode("555-01"));
    expectError(422, "source", "/v1/leads?source=" + "s".repeat(65));
    expectError(400, "cursor", "/v1/leads?cursor=not-a-cursor");
    assertEquals(200, dealer.get("/v1/leads?limit=200&status=active,paused&grade=a,b").status());
  }

  @Test
  void aCursorOnlyContinuesItsOwnQueryAtItsOwnDealership() {
    String cursor = dealer.get("/v1/leads?limit=1").body().path("nextCursor").asText();
    assertEquals(200, dealer.get("/v1/leads?limit=3&cursor=" + cursor).status(), "the page size may change");
    expectError(other, 400, "cursor", "/v1/leads?limit=1&cursor=" + cursor);
    expectError(dealer, 400, "cursor", "/v1/leads?limit=1&source=website&cursor=" + cursor);
    expectError(dealer, 400, "cursor", "/v1/leads?limit=1&updatedSince=2026-01-01&cursor=" + cursor);
  }

  @Test
  void onlyTheDealershipKeyOrAManagerLists() {
    JsonNode agents = dealer.get("/v1/agents").body().path("items");
    long agentId = agents.get(0).path("id").asLong();
    long managerId = agents.get(2).path("id").asLong();
    assertEquals("MANAGER", agents.get(2).path("role").asText());
    String agentToken = dealer.post("/v1/agents/" + agentId + "/token", "{}").body().path("token").asText();
    String managerToken = dealer.post("/v1/agents/" + managerId + "/token", "{}").body().path("token").asText();
    assertEquals(403, dealer.as(agentToken).get("/v1/leads").status(), "an agent's token works on its tasks only");
    assertEquals(ours.size(), all(dealer.as(managerToken), "/v1/leads").size());
    assertEquals(401, new ApiClient(APP.getLocalPort(), null).get("/v1/leads").status());
    assertEquals(401, new ApiClient(APP.getLocalPort(), "wrong-key").get("/v1/leads").status());
  }

  @Test
  void duringAKeyRotationBothKeysSeeTheSameLeadsAndCursorsAndTheRevokedOneNothing() {
    String oldKey = "search-rotation-old-key";
    String newKey = "search-rotation-new-key";
    DealershipDao dealerships = DB.jdbi().onDemand(DealershipDao.class);
    dealerships.insertApiKey(dealerId, ApiKeys.hash(oldKey), "rotation test: old");
    dealerships.insertApiKey(dealerId, ApiKeys.hash(newKey), "rotation test: new");
    ApiClient before = dealer.as(oldKey);
    ApiClient after = dealer.as(newKey);
    assertEquals(ids(all(dealer, "/v1/leads")), ids(all(before, "/v1/leads")));
    assertEquals(ids(all(dealer, "/v1/leads")), ids(all(after, "/v1/leads")));
    String cursor = before.get("/v1/leads?limit=2").body().path("nextCursor").asText();
    Reply continued = after.get("/v1/leads?limit=2&cursor=" + cursor);
    assertEquals(200, continued.status(), "a cursor belongs to the dealership, not to one of its keys");
    assertEquals(ours.get(ours.size() - 3), continued.body().path("items").get(0).path("id").asLong());
    assertEquals(1, dealerships.revokeApiKey(ApiKeys.hash(oldKey)));
    assertEquals(401, before.get("/v1/leads").status(), "the revoked key");
    assertEquals(200, after.get("/v1/leads?limit=2&cursor=" + cursor).status());
  }

  private static void expectError(int status, String field, String path) {
    expectError(dealer, status, field, path);
  }

  private static void expectError(ApiClient client, int status, String field, String path) {
    Reply reply = client.get(path);
    assertEquals(status, reply.status(), path + " " + reply.body());
    assertEquals(List.of(field), reply.errorFields(), path + " " + reply.body());
  }

  /** Every page, following nextCursor. */
  private static List<JsonNode> all(ApiClient client, String path) {
    List<JsonNode> items = new ArrayList<>();
    String next = null;
    for (int pages = 0; pages < 100; pages++) {
      Reply page = client.get(next == null ? path : path + (path.contains("?") ? "&" : "?") + "cursor=" + next);
      assertEquals(200, page.status(), path + " " + page.body());
      page.body().path("items").forEach(items::add);
      JsonNode cursor = page.body().path("nextCursor");
      if (cursor.isNull()) {
        return items;
      }
      next = cursor.asText();
    }
    throw new AssertionError("no last page for " + path);
  }

  private static List<Long> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.path("id").asLong()).toList();
  }

  private static JsonNode byId(List<JsonNode> items, long id) {
    return items.stream().filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
  }

  private static long create(ApiClient client, Map<String, Object> lead) {
    Reply created = client.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    return created.body().path("id").asLong();
  }

  private static Map<String, Object> lead(String first, String last, String email, String phone, String source) {
    Map<String, Object> lead = Leads.with(Leads.valid(), "firstName", first);
    lead = Leads.with(lead, "lastName", last);
    lead = Leads.with(lead, "email", email);
    lead = Leads.with(lead, "phone", phone);
    return Leads.with(lead, "source", source);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
