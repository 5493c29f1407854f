package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API end to end (real MariaDB, the embedded Temporal server, the worker): onboarding, key
 * rotation proven through the dealership routes, the operator's key and the dealerships' keys kept
 * apart on every route, one dealership's keys out of another's reach, and bad input refused by field.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DealershipOnboardingTest {
  private static final String ADMIN_KEY = "test-operator-key-0123456789";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, withOperatorKey());

  private static ApiClient admin;
  private static ApiClient demo;

  private static LeadCadenceConfiguration withOperatorKey() {
    LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(DB);
    config.getAdmin().setApiKey(ADMIN_KEY);
    return config;
  }

  @BeforeAll
  static void clients() {
    admin = new ApiClient(APP.getLocalPort(), ADMIN_KEY);
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aNewDealershipGetsItsFieldsNormalisedAndAFirstKeyThatWorksAtOnce() {
    Map<String, Object> body = dealership();
    body.put("holidays", List.of("12-25", "last monday of may", "2026-12-24"));
    body.put("senderEmail", "Sales@Northside-Auto.example");
    body.put("senderPhone", "(614) 555-0100");
    body.put("messagingServiceSid", "MG0123456789abcdef0123456789abcdef");
    body.put("webFormCapturesConsent", true);
    body.put("firstPartySources", List.of("Website", "chat"));
    body.put("inboundEmail", "Northside-" + SEQUENCE.get() + "@Inbound.Example");
    Reply created = admin.post("/v1/admin/dealerships", body);
    assertEquals(201, created.status(), created.body().toString());
    JsonNode d = created.body();
    long id = d.path("id").asLong();
    assertEquals(List.of("12-25", "last MON of MAY", "2026-12-24"), texts(d.path("holidays")));
    assertEquals("sales@northside-auto.example", d.path("senderEmail").asText());
    assertEquals("+16145550100", d.path("senderPhone").asText());
    assertEquals(List.of("website", "chat"), texts(d.path("firstPartySources")));
    assertEquals("northside-" + SEQUENCE.get() + "@inbound.example", d.path("inboundEmail").asText());
    assertEquals("America/New_York", d.path("timezone").asText());
    assertTrue(d.path("webFormCapturesConsent").asBoolean());
    String key = d.path("apiKey").asText();
    assertTrue(key.length() >= 40, "a random key: " + key);

    Reply read = admin.get("/v1/admin/dealerships/" + id);
    assertEquals(200, read.status());
    assertTrue(read.body().path("apiKey").isMissingNode(), "the key is shown once, at creation");
    assertEquals(d.path("businessHours"), read.body().path("businessHours"));
    assertTrue(texts(admin.get("/v1/admin/dealerships").body().path("items"), "id").contains(String.valueOf(id)));

    ApiClient dealer = admin.as(key);
    assertEquals(200, dealer.get("/v1/agents").status());
    Reply lead = dealer.post("/v1/leads", Leads.with(Leads.valid(), "timezone", Leads.afternoonZone()));
    assertEquals(201, lead.status(), lead.body().toString());
    long leadId = lead.body().path("id").asLong();
    assertEquals(200, dealer.get("/v1/leads/" + leadId).status());
    assertEquals(404, demo.get("/v1/leads/" + leadId).status(), "another dealership's key never sees it");
  }

  @Test
  void rotationKeepsTwoKeysValidUntilTheOldOneIsRevoked() {
    JsonNode created = admin.post("/v1/admin/dealerships", dealership()).body();
    long id = created.path("id").asLong();
    ApiClient oldKey = admin.as(created.path("apiKey").asText());
    Reply lead = oldKey.post("/v1/leads", Leads.with(Leads.valid(), "timezone", Leads.afternoonZone()));
    assertEquals(201, lead.status(), lead.body().toString());
    long leadId = lead.body().path("id").asLong();

    Reply issued = admin.post("/v1/admin/dealerships/" + id + "/api-keys", Map.of("label", "crm-2027"));
    assertEquals(201, issued.status(), issued.body().toString());
    ApiClient newKey = admin.as(issued.body().path("apiKey").asText());
    long newKeyId = issued.body().path("id").asLong();
    for (ApiClient key : List.of(oldKey, newKey)) {
      assertEquals(200, key.get("/v1/agents").status(), "both keys work during the switch");
      assertEquals(200, key.get("/v1/leads/" + leadId).status());
    }

    Reply keys = admin.get("/v1/admin/dealerships/" + id + "/api-keys");
    assertEquals(200, keys.status());
    assertEquals(List.of("initial", "crm-2027"), texts(keys.body().path("items"), "label"));
    assertFalse(keys.body().toString().contains(issued.body().path("apiKey").asText()), "keys are never listed");
    keys.body().path("items").forEach(k -> {
      assertTrue(k.path("createdAt").isTextual());
      assertTrue(k.path("revokedAt").isNull());
    });

    long oldKeyId = created.path("apiKeyId").asLong();
    Reply revoked = admin.delete("/v1/admin/dealerships/" + id + "/api-keys/" + oldKeyId);
    assertEquals(200, revoked.status(), revoked.body().toString());
    assertTrue(revoked.body().path("revokedAt").isTextual());
    assertEquals(401, oldKey.get("/v1/agents").status(), "the revoked key stops at once");
    assertEquals(401, oldKey.get("/v1/leads/" + leadId).status());
    assertEquals(401, oldKey.post("/v1/leads", Leads.valid()).status());
    assertEquals(200, newKey.get("/v1/leads/" + leadId).status(), "the new key carries on with the same leads");
    assertEquals(201, newKey.post("/v1/leads", Leads.with(Leads.valid(), "timezone", Leads.afternoonZone())).status());
    Reply again = admin.delete("/v1/admin/dealerships/" + id + "/api-keys/" + oldKeyId);
    assertEquals(200, again.status());
    assertEquals(revoked.body().path("revokedAt"), again.body().path("revokedAt"), "revoking again changes nothing");
    List<String> revokedAt = texts(admin.get("/v1/admin/dealerships/" + id + "/api-keys").body().path("items"), "revokedAt");
    assertEquals(2, revokedAt.size());
    assertEquals("null", revokedAt.get(1), "key " + newKeyId + " is still valid");
  }

  @Test
  void onlyTheOperatorKeyOpensTheAdminRoutesAndItOpensNothingElse() {
    long id = admin.post("/v1/admin/dealerships", dealership()).body().path("id").asLong();
    long keyId = admin.get("/v1/admin/dealerships/" + id + "/api-keys").body().path("items").get(0).path("id").asLong();
    String agentToken = demo.post("/v1/agents/1/token", "{}").body().path("token").asText();
    int dealerships = DB.jdbi().onDemand(DealershipDao.class).listAll().size();
    List<ApiClient> outsiders = List.of(new ApiClient(APP.getLocalPort(), null), demo, demo.as(agentToken),
        admin.as(ADMIN_KEY + "x"), admin.as(ADMIN_KEY.substring(1)));
    for (ApiClient outsider : outsiders) {
      List<Reply> replies = List.of(
          outsider.post("/v1/admin/dealerships", dealership()),
          outsider.get("/v1/admin/dealerships"),
          outsider.get("/v1/admin/dealerships/" + id),
          outsider.patch("/v1/admin/dealerships/" + id, Map.of("name", "Hijacked")),
          outsider.post("/v1/admin/dealerships/" + id + "/api-keys", "{}"),
          outsider.get("/v1/admin/dealerships/" + id + "/api-keys"),
          outsider.delete("/v1/admin/dealerships/" + id + "/api-keys/" + keyId));
      for (Reply reply : replies) {
        assertEquals(401, reply.status(), reply.body().toString());
        assertEquals(List.of("Authorization"), reply.errorFields());
      }
    }
    assertEquals(dealerships, DB.jdbi().onDemand(DealershipDao.class).listAll().size(), "nothing was created");
    assertEquals(1, admin.get("/v1/admin/dealerships/" + id + "/api-keys").body().path("items").size());
    assertTrue(admin.get("/v1/admin/dealerships/" + id + "/api-keys").body().path("items").get(0).path("revokedAt").isNull());
    assertFalse(admin.get("/v1/admin/dealerships/" + id).body().path("name").asText().equals("Hijacked"));

    assertEquals(401, admin.get("/v1/agents").status(), "the operator key is no dealership's key");
    assertEquals(401, admin.post("/v1/leads", Leads.valid()).status());
    assertEquals(401, admin.get("/v1/tasks").status());
    assertEquals(401, admin.get("/v1/leads/1").status());
  }

  @Test
  void oneDealershipsKeysAreOutOfReachThroughAnother() {
    JsonNode a = admin.post("/v1/admin/dealerships", dealership()).body();
    JsonNode b = admin.post("/v1/admin/dealerships", dealership()).body();
    long aKeyId = a.path("apiKeyId").asLong();
    long bId = b.path("id").asLong();
    assertEquals(404, admin.delete("/v1/admin/dealerships/" + bId + "/api-keys/" + aKeyId).status());
    assertEquals(200, admin.as(a.path("apiKey").asText()).get("/v1/agents").status(), "A's key still works");
    assertEquals(List.of(String.valueOf(b.path("apiKeyId").asLong())),
        texts(admin.get("/v1/admin/dealerships/" + bId + "/api-keys").body().path("items"), "id"));
    assertEquals(404, admin.get("/v1/admin/dealerships/999999").status());
    assertEquals(404, admin.patch("/v1/admin/dealerships/999999", Map.of("name", "x")).status());
    assertEquals(404, admin.post("/v1/admin/dealerships/999999/api-keys", "{}").status());
    assertEquals(404, admin.get("/v1/admin/dealerships/999999/api-keys").status());
  }

  @Test
  void badFieldsAreRefusedByNameAndNothingIsWritten() {
    int before = DB.jdbi().onDemand(DealershipDao.class).listAll().size();
    Map<String, Object> bad = dealership();
    bad.put("timezone", "Mars/Olympus_Mons");
    bad.put("businessHours", "weekdays 9 to 5");
    bad.put("holidays", List.of("12-25", "christmas eve"));
    bad.put("senderEmail", "sales@");
    bad.put("senderPhone", "555-12");
    bad.put("messagingServiceSid", "PN123");
    bad.put("inboundEmail", "not an address");
    Reply refused = admin.post("/v1/admin/dealerships", bad);
    assertEquals(422, refused.status(), refused.body().toString());
    assertEquals(List.of("timezone", "businessHours", "holidays", "senderEmail", "senderPhone", "messagingServiceSid",
        "inboundEmail"), refused.errorFields());
    assertTrue(refused.body().toString().contains("christmas eve"), "the bad rule is quoted");

    Reply missing = admin.post("/v1/admin/dealerships", Map.of("senderPhone", "+16145550100"));
    assertEquals(List.of("name", "timezone", "businessHours", "senderEmail"), missing.errorFields());
    assertEquals(400, admin.post("/v1/admin/dealerships", Map.of("name", "x", "timeZone", "UTC")).status(),
        "an unknown field is not dropped silently");
    assertEquals(List.of("holidays"), admin.post("/v1/admin/dealerships",
        with(dealership(), "holidays", List.of("12-25; 01-01"))).errorFields(), "one rule per entry");
    assertEquals(List.of("timezone"), admin.post("/v1/admin/dealerships",
        with(dealership(), "timezone", "+05:00")).errorFields(), "a region's zone, not an offset");
    assertEquals(before, DB.jdbi().onDemand(DealershipDao.class).listAll().size());

    long id = admin.post("/v1/admin/dealerships", dealership()).body().path("id").asLong();
    JsonNode stored = admin.get("/v1/admin/dealerships/" + id).body();
    assertEquals(List.of("timezone", "businessHours"),
        admin.patch("/v1/admin/dealerships/" + id, Map.of("timezone", "Chicago", "businessHours", "MON 10:00-09:00",
            "name", "Renamed")).errorFields());
    assertEquals(stored, admin.get("/v1/admin/dealerships/" + id).body(), "a refused patch changes nothing");
    assertEquals(List.of("label"), admin.post("/v1/admin/dealerships/" + id + "/api-keys",
        Map.of("label", "x".repeat(101))).errorFields());
  }

  @Test
  void aPatchChangesOnlyTheFieldsItNames() {
    Map<String, Object> body = dealership();
    body.put("senderPhone", "+16145550100");
    long id = admin.post("/v1/admin/dealerships", body).body().path("id").asLong();
    Reply patched = admin.patch("/v1/admin/dealerships/" + id,
        Map.of("timezone", "America/Denver", "holidays", List.of("4th thu of nov", "12-25")));
    assertEquals(200, patched.status(), patched.body().toString());
    assertEquals("America/Denver", patched.body().path("timezone").asText());
    assertEquals(List.of("4th THU of NOV", "12-25"), texts(patched.body().path("holidays")));
    assertEquals("MON-SAT 09:00-20:00", patched.body().path("businessHours").asText());
    assertEquals("+16145550100", patched.body().path("senderPhone").asText());

    Reply cleared = admin.patch("/v1/admin/dealerships/" + id, Map.of("senderPhone", "", "holidays", List.of()));
    assertTrue(cleared.body().path("senderPhone").isNull(), cleared.body().toString());
    assertEquals(0, cleared.body().path("holidays").size());
    assertEquals(List.of("name"), admin.patch("/v1/admin/dealerships/" + id, Map.of("name", " ")).errorFields(),
        "a required field cannot be blanked");
  }

  @Test
  void anInboundAddressBelongsToOneDealershipOnly() {
    String address = "shared-" + SEQUENCE.incrementAndGet() + "@inbound.example";
    assertEquals(201, admin.post("/v1/admin/dealerships", with(dealership(), "inboundEmail", address)).status());
    int before = DB.jdbi().onDemand(DealershipDao.class).listAll().size();
    Reply taken = admin.post("/v1/admin/dealerships", with(dealership(), "inboundEmail", address.toUpperCase()));
    assertEquals(409, taken.status(), taken.body().toString());
    assertEquals(List.of("inboundEmail"), taken.errorFields());
    assertEquals(before, DB.jdbi().onDemand(DealershipDao.class).listAll().size(), "no dealership without its key");
    long other = admin.post("/v1/admin/dealerships", dealership()).body().path("id").asLong();
    Reply patch = admin.patch("/v1/admin/dealerships/" + other, Map.of("inboundEmail", address));
    assertEquals(409, patch.status());
    assertEquals(List.of("inboundEmail"), patch.errorFields());
  }

  private static Map<String, Object> dealership() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Northside Auto " + SEQUENCE.incrementAndGet());
    body.put("timezone", "America/New_York");
    body.put("businessHours", "MON-SAT 09:00-20:00");
    body.put("senderEmail", "sales@northside-auto.example");
    return body;
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }

  private static List<String> texts(JsonNode array) {
    java.util.ArrayList<String> texts = new java.util.ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode items, String field) {
    java.util.ArrayList<String> texts = new java.util.ArrayList<>();
    items.forEach(n -> texts.add(n.path(field).isNull() ? "null" : n.path(field).asText()));
    return texts;
  }
}
