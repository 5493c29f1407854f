package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The duplicate rule across sources and intake routes: a lead whose phone or email is that of an open
 * lead of the same dealership from the last 30 days starts no second cadence, is stored as DUPLICATE
 * (grade D) linked to the original, and raises the original's score once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DuplicateLeadsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String OTHER_KEY = "duplicates-other-key";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient demo;
  private static ApiClient other;

  @BeforeAll
  static void clients() {
    new DealershipSeeder(DB.jdbi()).seed(DemoDealership.SEED.withApiKey(OTHER_KEY));
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void anAdfReInquiryIsADuplicateThatRaisesTheOriginalsScoreOnce() {
    String phone = uniquePhone();
    long original = create(demo, websiteLead(phone, uniqueEmail()));
    int scoreBefore = runningScore(original);

    Reply adf = demo.postBytes("/v1/leads/adf", "application/xml", adf("AT-DUP-" + phone, phone, uniqueEmail()));
    assertEquals(201, adf.status(), adf.body().toString());
    assertEquals(original, adf.body().path("duplicateOf").asLong(), adf.body().toString());
    assertEquals("DUPLICATE", adf.body().path("status").asText());
    assertEquals("D", adf.body().path("grade").asText());
    assertTrue(adf.body().path("workflowId").isMissingNode(), "no workflow of its own: " + adf.body());
    long duplicate = adf.body().path("id").asLong();

    Leads.await(WAIT, "the original's score to rise by the re-inquiry", () -> runningScore(original) == scoreBefore + 10);

    JsonNode view = demo.get("/v1/leads/" + duplicate).body();
    assertEquals(original, view.path("lead").path("duplicateOf").asLong(), view.toString());
    assertEquals("DUPLICATE", view.path("lead").path("status").asText());
    assertTrue(view.path("state").isMissingNode() && view.path("stateError").isMissingNode(), view.toString());
    assertTrue(DB.jdbi().onDemand(LeadDao.class).listOpen(0, 1000).stream().noneMatch(l -> l.id() == duplicate),
        "the reconciler never sees a duplicate as a lead to start");

    // The CRM's retry of the same ADF: 200, the same row, and the score counts the re-inquiry once.
    Reply again = demo.postBytes("/v1/leads/adf", "application/xml", adf("AT-DUP-" + phone, phone, uniqueEmail()));
    assertEquals(200, again.status(), again.body().toString());
    assertEquals(duplicate, again.body().path("id").asLong());
    sleep(1500);
    assertEquals(scoreBefore + 10, runningScore(original), "the repeated signal is counted once");

    assertEquals(409, demo.post("/v1/leads/" + duplicate + "/outcomes", Map.of("type", "CONTACTED")).status());
    assertEquals(409, demo.post("/v1/leads/" + duplicate + "/pause", Map.of()).status());
    assertEquals(202, demo.post("/v1/leads/" + duplicate + "/opt-out", Map.of("channels", new String[] {"SMS"}))
        .status(), "an opt-out is never refused: it is recorded for the address");
  }

  @Test
  void aJsonLeadWithTheSameEmailFromAnotherSourceIsADuplicateToo() {
    String email = uniqueEmail();
    long original = create(demo, websiteLead(uniquePhone(), email));
    Map<String, Object> chat = websiteLead(uniquePhone(), email.toUpperCase());
    chat.put("source", "chat");
    Reply reply = demo.post("/v1/leads", chat);
    assertEquals(201, reply.status(), reply.body().toString());
    assertEquals(original, reply.body().path("duplicateOf").asLong(), reply.body().toString());
  }

  @Test
  void anotherDealershipsLeadIsNeverTheOriginal() {
    String phone = uniquePhone();
    create(demo, websiteLead(phone, uniqueEmail()));
    Reply theirs = other.post("/v1/leads", websiteLead(phone, uniqueEmail()));
    assertEquals(201, theirs.status(), theirs.body().toString());
    assertEquals("ACTIVE", theirs.body().path("status").asText(), theirs.body().toString());
    assertTrue(theirs.body().path("duplicateOf").isMissingNode());
  }

  @Test
  void aClosedOrOlderLeadIsNotRepeated() {
    String closedPhone = uniquePhone();
    long sold = create(demo, websiteLead(closedPhone, uniqueEmail()));
    assertEquals(200, demo.post("/v1/leads/" + sold + "/outcomes", Map.of("type", "SOLD")).status());
    Reply afterSale = demo.post("/v1/leads", websiteLead(closedPhone, uniqueEmail()));
    assertEquals("ACTIVE", afterSale.body().path("status").asText(), afterSale.body().toString());

    String oldPhone = uniquePhone();
    long old = create(demo, websiteLead(oldPhone, uniqueEmail()));
    DB.jdbi().useHandle(h -> h.execute(
        "UPDATE leads SET created_at = TIMESTAMPADD(DAY, -31, created_at) WHERE id = ?", old));
    Reply afterMonth = demo.post("/v1/leads", websiteLead(oldPhone, uniqueEmail()));
    assertEquals("ACTIVE", afterMonth.body().path("status").asText(), afterMonth.body().toString());
  }

  @Test
  void theOriginalIsFoundThroughThePhoneAndEmailIndexes() {
    create(demo, websiteLead(uniquePhone(), uniqueEmail()));
    java.util.List<String> keys = DB.jdbi().withHandle(h -> h.createQuery("""
        EXPLAIN SELECT * FROM (
          SELECT * FROM leads WHERE dealership_id = 1 AND phone = '+13125550001'
            AND status IN ('STARTING', 'ACTIVE', 'PAUSED') AND created_at >= NOW() - INTERVAL 30 DAY
          UNION
          SELECT * FROM leads WHERE dealership_id = 1 AND email = 'a@example.com'
            AND status IN ('STARTING', 'ACTIVE', 'PAUSED') AND created_at >= NOW() - INTERVAL 30 DAY
        ) matches ORDER BY id LIMIT 1
        """).map((rs, ctx) -> String.valueOf(rs.getString("key"))).list());
    assertTrue(keys.contains("ix_leads_phone") && keys.contains("ix_leads_email"), "EXPLAIN keys: " + keys);
  }

  /** A first-party lead with a middling score (no timeframe, no vehicle), so a rise is visible. */
  private static Map<String, Object> websiteLead(String phone, String email) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("source", "website");
    lead.put("externalId", "dup-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime());
    lead.put("firstName", "Sam");
    lead.put("lastName", "Okafor");
    lead.put("email", email);
    lead.put("phone", phone);
    return lead;
  }

  private static byte[] adf(String prospectId, String phone, String email) {
    return ("""
        <?xml version="1.0"?>
        <?ADF VERSION "1.0"?>
        <adf><prospect>
          <id source="Autotrader">%s</id>
          <requestdate>2026-11-30T09:00:00-06:00</requestdate>
          <vehicle interest="buy" status="used"><year>2022</year><make>Mazda</make><model>CX-30</model></vehicle>
          <customer><contact>
            <name part="first">Sam</name><name part="last">Okafor</name>
            <email>%s</email><phone type="cellphone">%s</phone>
          </contact></customer>
          <provider><name part="full">Autotrader</name></provider>
        </prospect></adf>
        """.formatted(prospectId, email, phone)).strip().getBytes(StandardCharsets.UTF_8);
  }

  private static long create(ApiClient client, Map<String, Object> lead) {
    Reply reply = client.post("/v1/leads", lead);
    assertEquals(201, reply.status(), reply.body().toString());
    assertEquals("ACTIVE", reply.body().path("status").asText(), reply.body().toString());
    return reply.body().path("id").asLong();
  }

  /** The score the running workflow holds (its state), waiting until the state can be read. */
  private static int runningScore(long id) {
    Leads.await(WAIT, "lead " + id + "'s state", () -> !demo.get("/v1/leads/" + id).body().path("state").isMissingNode());
    return demo.get("/v1/leads/" + id).body().path("state").path("score").asInt();
  }

  private static String uniquePhone() {
    return "+1312555" + String.format("%04d", 3000 + SEQUENCE.incrementAndGet());
  }

  private static String uniqueEmail() {
    return "dup" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.com";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
