package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused with the field named, and stores nothing and starts nothing. 400: the body is
 * not the JSON we expect (malformed, wrong type, unknown enum value or field); 422: readable, but a
 * value is not acceptable; 413: too big.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadValidationTest {
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  static Stream<Arguments> badLeads() {
    Map<String, Object> valid = Leads.valid();
    return Stream.of(
        Arguments.of("malformed JSON", "{\"source\": \"website\", \"externalId\": ", 400, nulls()),
        Arguments.of("empty body", "", 422, nulls()),
        Arguments.of("missing required fields", Leads.without(valid, "source", "externalId", "firstName", "lastName"),
            422, List.of("externalId", "firstName", "lastName", "source")),
        Arguments.of("invalid phone", Leads.with(valid, "phone", "555-12"), 422, List.of("phone")),
        Arguments.of("invalid email", Leads.with(valid, "email", "jane.doe@"), 422, List.of("email")),
        Arguments.of("neither email nor phone", Leads.without(valid, "email", "phone"), 422,
            List.of("email", "phone")),
        Arguments.of("unknown timeframe", Leads.with(valid, "timeframe", "NEXT_WEEK"), 400, List.of("timeframe")),
        Arguments.of("boolean as text", Leads.with(valid, "tradeIn", "maybe"), 400, List.of("tradeIn")),
        Arguments.of("unknown field", Leads.with(valid, "timeFrame", "BROWSING"), 400, List.of("timeFrame")),
        Arguments.of("vehicle year out of range", Leads.with(valid, "vehicle", Map.of("year", 1800)), 422,
            List.of("vehicle.year")),
        Arguments.of("unknown time zone", Leads.with(valid, "timezone", "Mars/Olympus"), 422, List.of("timezone")),
        Arguments.of("oversized body", Leads.with(valid, "comments", "x".repeat(70_000)), 413, nulls()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLeads")
  void badIntakeIsRefusedNamingTheFieldAndStoresNothing(
      String name, Object body, int status, List<String> fields) {
    int before = leadCount();
    Reply reply = api.post("/v1/leads", body);
    assertEquals(status, reply.status(), reply.body().toString());
    assertEquals(fields, reply.errorFields(), reply.body().toString());
    reply.body().path("errors").forEach(e -> assertTrue(!e.path("message").asText().isBlank()));
    assertEquals(before, leadCount(), "nothing stored");
  }

  @Test
  void anOversizedChunkedBodyIsRefusedToo() throws Exception {
    int before = leadCount();
    byte[] body = ApiClient.JSON.writeValueAsBytes(Leads.with(Leads.valid(), "comments", "y".repeat(70_000)));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/v1/leads"))
        .header("Authorization", "Bearer " + DemoDealership.API_KEY)
        .header("Content-Type", "application/json")
        // no length: sent chunked, so only reading tells the size
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(413, response.statusCode(), response.body());
    assertEquals(before, leadCount());
  }

  @Test
  void outcomesAreValidatedBeforeTheyReachTheWorkflow() {
    long id = api.post("/v1/leads", Leads.valid()).body().path("id").asLong();

    Reply unknownType = api.post("/v1/leads/" + id + "/outcomes", Map.of("type", "HUNG_UP"));
    assertEquals(400, unknownType.status());
    assertEquals(List.of("type"), unknownType.errorFields());

    Reply missingType = api.post("/v1/leads/" + id + "/outcomes", Map.of("note", "no type"));
    assertEquals(422, missingType.status());
    assertEquals(List.of("type"), missingType.errorFields());

    Reply badChannel = api.post("/v1/leads/" + id + "/opt-out", Map.of("channels", List.of("FAX")));
    assertEquals(400, badChannel.status());
    assertEquals(List.of("channels[0]"), badChannel.errorFields());

    Reply noChannels = api.post("/v1/leads/" + id + "/opt-out", Map.of("channels", List.of()));
    assertEquals(422, noChannels.status());
    assertEquals(List.of("channels"), noChannels.errorFields());

    assertEquals("ACTIVE", api.get("/v1/leads/" + id).body().path("state").path("status").asText(),
        "none of it reached the workflow");
  }

  private static List<String> nulls() {
    return java.util.Collections.singletonList(null);
  }

  private static int leadCount() {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Integer.class).one());
  }
}
