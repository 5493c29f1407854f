package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.AgentSeed;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.testing.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agents' notifications share the provider account with the cadence's sends, so they count against
 * the same rate: leads arriving together make acknowledgment emails and, through their call tasks, emails
 * to the agent, and SendGrid (a local stand-in, reached through the real SendGrid SDK) never sees more
 * than {@code senders.perSecond.email} of them in any second.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgentNotificationPacingTest {
  private static final int LEADS = 6;
  private static final int EMAILS_PER_SECOND = 2;
  /**
   * Between the pacer letting a send go and the stand-in noting it: scheduling, and the HTTP client's own
   * latency, which is larger for the first request (it opens the connection: 150 ms in a run here).
   */
  private static final long JITTER_MILLIS = 250;
  private static final String DEALER_KEY = "pacing-dealer-key";
  private static final String AGENT_EMAIL = "paula.pace@night-shift.example";

  private static final TestDatabase DB = TestDatabase.create();
  private static final SendGridStandIn SENDGRID = new SendGridStandIn();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, config());

  private static LeadCadenceConfiguration config() {
    LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(DB);
    config.getSenders().setMode(SendersSettings.Mode.PROVIDERS);
    config.getSenders().setSendGrid(new SendGridSettings("SG.pacing-test-key", null, null, List.of(),
        SENDGRID.baseUrl()));
    config.getSenders().getPerSecond().setEmail(EMAILS_PER_SECOND);
    return config;
  }

  @BeforeAll
  static void seed() {
    new DealershipSeeder(DB.jdbi()).seed(new DealershipSeed("Night Shift Motors", "UTC", "MON-SUN 00:00-23:59",
        "", "Night Shift Sales", "sales@night-shift.example", "+13125550190", true, "website", null, DEALER_KEY,
        List.of(new AgentSeed("Paula Pace", AGENT_EMAIL, "+13125550191", AgentRole.AGENT))));
  }

  @AfterAll
  static void close() {
    SENDGRID.close();
    DB.close();
  }

  @Test
  void agentEmailsAndAcknowledgmentsTogetherKeepTheEmailRate() throws Exception {
    ApiClient dealer = new ApiClient(APP.getLocalPort(), DEALER_KEY);
    JsonNode agent = dealer.get("/v1/agents").body().path("items").get(0);
    Reply notifyByEmail = dealer.patch("/v1/agents/" + agent.path("id").asLong(), Map.of("notify", "EMAIL"));
    assertEquals(200, notifyByEmail.status(), notifyByEmail.body().toString());

    for (int i = 0; i < LEADS; i++) {
      Map<String, Object> lead = Leads.with(Leads.valid(), "phone", "+1415555" + String.format("%04d", 7100 + i));
      lead.put("timezone", Leads.afternoonZone());
      Reply created = dealer.post("/v1/leads", lead);
      assertEquals(201, created.status(), created.body().toString());
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (SENDGRID.arrivals.size() < 2 * LEADS && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<Arrival> arrivals = SENDGRID.arrivals.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
    long toAgent = arrivals.stream().filter(a -> a.body().contains(AGENT_EMAIL)).count();
    assertEquals(LEADS, toAgent, "one email to the agent per new call task: " + arrivals.size() + " emails");
    assertEquals(2 * LEADS, arrivals.size(), "and one acknowledgment per lead");
    List<Long> offsets = arrivals.stream().map(a -> Duration.between(arrivals.get(0).at(), a.at()).toMillis()).toList();
    System.out.println("emails at SendGrid, ms after the first: " + offsets);
    for (int i = 0; i + EMAILS_PER_SECOND < arrivals.size(); i++) {
      long gap = offsets.get(i + EMAILS_PER_SECOND) - offsets.get(i);
      assertTrue(gap >= 1000 - JITTER_MILLIS,
          "emails " + i + " and " + (i + EMAILS_PER_SECOND) + " only " + gap + " ms apart: " + offsets);
    }
  }

  record Arrival(Instant at, String body) {}

  /** SendGrid's v3 mail send, answered 202 the moment it arrives; every request noted with its time. */
  static final class SendGridStandIn implements AutoCloseable {
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    SendGridStandIn() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/v3/mail/send", exchange -> {
        Instant at = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        arrivals.add(new Arrival(at, body));
        exchange.getResponseHeaders().add("X-Message-Id", "pacing-" + arrivals.size());
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
      });
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
