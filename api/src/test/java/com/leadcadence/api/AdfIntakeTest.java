package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.adf.AdfSampleFiles;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /v1/leads/adf end to end (real MariaDB, embedded Temporal, worker): every sample becomes its
 * lead, a resend is a 200, refused documents name the XML element, attacks are 4xx at once, and a
 * refused document stores nothing. Dealerships see only their own ADF leads.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdfIntakeTest {
  private static final String OTHER_KEY = "northside-adf-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient demo;
  private static ApiClient other;

  @BeforeAll
  static void clients() {
    DealershipSeed northside = DemoDealership.SEED.withApiKey(OTHER_KEY);
    new DealershipSeeder(DB.jdbi()).seed(northside);
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
    other = new ApiClient(APP.getLocalPort(), OTHER_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  /** What each sample must become (by reading the document): source, external id, name, email, phone. */
  private record Expected(String sample, String source, String externalId, String firstName, String lastName,
      String email, String phone) {}

  private static final List<Expected> SAMPLES = List.of(
      new Expected("autotrader-used-sedan.xml", "autotrader", "AT-7731904", "Dana", "Whitfield",
          "dana.whitfield@example.com", "+13125550162"),
      new Expected("carscom-new-suv-with-trade.xml", "cars.com", "c0m-55a1f2e9-0b1d", "Marcus", "Oyelaran",
          "m.oyelaran@example.net", "+17735550148"),
      new Expected("truecar-full-name-phone-only.xml", "truecar", "TC-2026-991-044", "Priya", "Raman", null,
          "+13125550177"),
      new Expected("oem-lease-no-prospect-id.xml", "toyota-dealer-leads", null, "Elena", "Castellanos",
          "elena.castellanos@example.org", "+13125550183"),
      new Expected("no-declaration-mixed-case.xml", "dealersite-pro", "DSP-000918", "Tomasz", "Kowalczyk",
          "tomasz.k@example.com", "+17735550109"),
      new Expected("several-phones-no-email.xml", "cargurus", "CG-88120-B", "Ray", "Delgado", null,
          "+13125550192"),
      new Expected("last-first-name-email-only.xml", "edmunds", "ED-4471-XQ", "Linh", "Nguyen",
          "linh.nguyen@example.com", null),
      new Expected("latin1-trade-in-only.xml", "kelley-blue-book-instant-cash-offer", "KBB-ICO-30017", "José",
          "Muñoz", "jose.munoz@example.com", "+13125550175"));

  @Test
  void everySampleBecomesItsLeadAndAResendIsTheSameLead() {
    for (Expected expected : SAMPLES) {
      byte[] document = AdfSampleFiles.bytes("samples/" + expected.sample());
      Reply created = demo.postBytes("/v1/leads/adf", "application/xml", document);
      assertEquals(201, created.status(), expected.sample() + ": " + created.body());
      long id = created.body().path("id").asLong();
      assertEquals("lead-" + id, created.body().path("workflowId").asText());
      assertTrue(created.body().path("duplicateOf").isMissingNode(), created.body().toString());

      JsonNode lead = demo.get("/v1/leads/" + id).body().path("lead");
      assertEquals(expected.source(), lead.path("source").asText(), expected.sample());
      if (expected.externalId() != null) {
        assertEquals(expected.externalId(), lead.path("externalId").asText(), expected.sample());
      } else {
        assertTrue(lead.path("externalId").asText().matches("adf-[0-9a-f]{40}"), lead.toString());
      }
      assertEquals(expected.firstName(), lead.path("firstName").asText(), expected.sample());
      assertEquals(expected.lastName(), lead.path("lastName").asText(), expected.sample());
      assertEquals(expected.email(), lead.path("email").isNull() ? null : lead.path("email").asText(),
          expected.sample());
      assertEquals(expected.phone(), lead.path("phone").isNull() ? null : lead.path("phone").asText(),
          expected.sample());

      Reply resent = demo.postBytes("/v1/leads/adf", "text/xml", document);
      assertEquals(200, resent.status(), expected.sample() + ": " + resent.body());
      assertEquals(id, resent.body().path("id").asLong(), "the same lead, nothing started twice");
    }
  }

  @Test
  void theMappedFieldsReachTheLeadAndItsScore() {
    Reply created = demo.postBytes("/v1/leads/adf", "application/xml",
        AdfSampleFiles.text("samples/carscom-new-suv-with-trade.xml").replace("c0m-55a1f2e9-0b1d", "c0m-score-1")
            .replace("m.oyelaran@example.net", "score.check@example.net").replace("773 555 0148", "773 555 0131")
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body().toString());
    JsonNode lead = demo.get("/v1/leads/" + created.body().path("id").asLong()).body().path("lead");
    assertEquals("WITHIN_30_DAYS", lead.path("timeframe").asText());
    assertEquals("RAV4", lead.path("vehicle").path("model").asText());
    assertEquals("N10877", lead.path("vehicle").path("stockNumber").asText());
    assertTrue(lead.path("comments").asText().contains("Trade-in: 2016 Ford Escape, 88400 mi"), lead.toString());
    assertTrue(!lead.path("consent").path("sms").asBoolean(), "a third-party ADF lead states no consent");
    // Scored as the JSON intake scores: local area 20, 30-day timeframe, model 8, financing 5, trade-in 5,
    // third-party source 5, email and phone 20.
    assertTrue(lead.path("score").asInt() >= 63 && lead.path("score").asInt() <= 80, lead.toString());
  }

  @Test
  void refusedDocumentsAre422NamingTheElementAndStoreNothing() {
    int before = leadCount();
    assertRefused("two-prospects.xml", List.of("prospect"));
    assertRefused("one-word-name.xml", List.of("prospect/customer/contact/name"));
    assertRefused("bad-year.xml", List.of("prospect/vehicle/year"));
    assertRefused("bad-vin.xml", List.of("prospect/vehicle/vin"));
    assertRefused("bad-email.xml", List.of("prospect/customer/contact/email"));
    assertRefused("no-email-or-phone.xml",
        List.of("prospect/customer/contact/email", "prospect/customer/contact/phone"));
    assertEquals(before, leadCount());
  }

  private static void assertRefused(String sample, List<String> elements) {
    Reply reply = demo.postBytes("/v1/leads/adf", "application/xml", AdfSampleFiles.bytes("refused/" + sample));
    assertEquals(422, reply.status(), sample + ": " + reply.body());
    assertEquals(elements, reply.errorFields(), sample + ": " + reply.body());
  }

  @Test
  void attacksAndBrokenDocumentsAre4xxAtOnceAndStoreNothing() {
    int before = leadCount();
    for (String attack : List.of("xxe-file.xml", "xxe-parameter-entity.xml", "billion-laughs.xml",
        "undeclared-entity.xml", "truncated.xml", "wrong-root.xml", "not-xml.xml")) {
      long started = System.nanoTime();
      Reply reply = demo.postBytes("/v1/leads/adf", "application/xml", AdfSampleFiles.bytes("attacks/" + attack));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(400, reply.status(), attack + ": " + reply.body());
      assertTrue(millis < 2_000, attack + " took " + millis + " ms");
      assertTrue(!reply.body().toString().contains("root:x:0"), "no file content is echoed");
    }
    String huge = "<adf><prospect><customer><comments>" + "x".repeat(70 * 1024)
        + "</comments></customer></prospect></adf>";
    assertEquals(413, demo.postBytes("/v1/leads/adf", "application/xml", huge.getBytes(StandardCharsets.UTF_8))
        .status());
    assertEquals(415, demo.postBytes("/v1/leads/adf", "application/json",
        AdfSampleFiles.bytes("samples/autotrader-used-sedan.xml")).status());
    assertEquals(before, leadCount());
  }

  @Test
  void eachDealershipHasItsOwnAdfLeads() {
    byte[] document = AdfSampleFiles.text("samples/truecar-full-name-phone-only.xml")
        .replace("TC-2026-991-044", "TC-TENANT-1").replace("312-555-0177", "312-555-0138")
        .getBytes(StandardCharsets.UTF_8);
    Reply mine = demo.postBytes("/v1/leads/adf", "application/xml", document);
    Reply theirs = other.postBytes("/v1/leads/adf", "application/xml", document);
    assertEquals(201, mine.status(), mine.body().toString());
    assertEquals(201, theirs.status(), "the same prospect id at another dealership is its own lead: " + theirs.body());
    assertEquals("ACTIVE", theirs.body().path("status").asText(), "not a duplicate of the other dealership's lead");
    long theirId = theirs.body().path("id").asLong();
    assertNotEquals(mine.body().path("id").asLong(), theirId);
    assertEquals(404, demo.get("/v1/leads/" + theirId).status());
    assertEquals(200, other.get("/v1/leads/" + theirId).status());
    assertEquals(401, new ApiClient(APP.getLocalPort(), null).postBytes("/v1/leads/adf", "application/xml", document)
        .status());
    assertEquals(401, new ApiClient(APP.getLocalPort(), "no-such-key")
        .postBytes("/v1/leads/adf", "application/xml", document).status());
  }

  private static int leadCount() {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Integer.class).one());
  }
}
