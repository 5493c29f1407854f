package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.store.testing.TestLeads;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.OutcomeType;
import com.leadcadence.workflows.plan.VariantLabel;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/cadences/{name}/variants: per variant of the plan's A/B steps, the sent touches, those whose lead
 * responded after, and those whose lead was contacted after, counted from touches, tasks, engagement events
 * and outcomes seeded here.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CadenceVariantsApiTest {
  private static final String KEY = "variants-dealer-key";
  private static final String OTHER_KEY = "variants-other-key";
  private static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");
  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, TestApps.withEmbeddedTemporal(DB));

  private static ApiClient dealer;
  private static long dealershipId;
  private static long otherId;
  private static int leads;

  @BeforeAll
  static void seed() {
    dealershipId = new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(KEY));
    otherId = new DealershipSeeder(DB.jdbi()).seed(Leads.alwaysOpenDealership(OTHER_KEY));
    dealer = new ApiClient(APP.getLocalPort(), KEY);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void countsSentResponsesAndContactsPerVariant() {
    Reply put = dealer.put("/v1/cadences/standard", "application/yaml", """
        name: standard
        version: 1
        grades: [B]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-2
            channel: email
            timing: +30m
            variants:
              - {template: vehicle-details, weight: 2}
              - {template: options, weight: 1}
              - {template: nurture, weight: 1}
        """);
    assertEquals(200, put.status(), put.body().toString());
    assertEquals("[{\"template\":\"vehicle-details\",\"weight\":2},{\"template\":\"options\",\"weight\":1},"
        + "{\"template\":\"nurture\",\"weight\":1}]", put.body().path("steps").get(1).path("variants").toString(),
        "the plan reads back with its variants");

    // vehicle-details: sent twice; one lead opened the email and was contacted after it, the other was
    // contacted only before it (not counted).
    long opened = sent("vehicle-details", TouchState.SENT, dealershipId);
    engagement(opened, "EMAIL_OPEN", T0.plus(Duration.ofMinutes(5)));
    outcome(opened, OutcomeType.CONTACTED, T0.plus(Duration.ofHours(2)));
    long contactedBefore = sent("vehicle-details", TouchState.DELIVERED, dealershipId);
    outcome(contactedBefore, OutcomeType.CONTACTED, T0.minus(Duration.ofHours(1)));
    // options: one sent, whose lead texted back and set an appointment; one skipped (opted out): not sent.
    long replied = sent("options", TouchState.SENT, dealershipId);
    task(replied, "LEAD_REPLIED", T0.plus(Duration.ofHours(1)));
    outcome(replied, OutcomeType.APPOINTMENT_SET, T0.plus(Duration.ofDays(1)));
    long optedOut = sent("options", TouchState.SKIPPED_OPTED_OUT, dealershipId);
    outcome(optedOut, OutcomeType.CONTACTED, T0.plus(Duration.ofHours(1)));
    // Another dealership's touch of the same step and variant is not this dealership's.
    sent("vehicle-details", TouchState.SENT, otherId);

    Reply variants = dealer.get("/v1/cadences/standard/variants");
    assertEquals(200, variants.status(), variants.body().toString());
    assertEquals("{\"items\":["
        + "{\"stepId\":\"email-2\",\"variant\":\"vehicle-details\",\"sent\":2,\"responses\":1,\"contacts\":1},"
        + "{\"stepId\":\"email-2\",\"variant\":\"options\",\"sent\":1,\"responses\":1,\"contacts\":1},"
        + "{\"stepId\":\"email-2\",\"variant\":\"nurture\",\"sent\":0,\"responses\":0,\"contacts\":0}]}",
        withoutCursor(variants));
  }

  /**
   * A step with template and timing variants: each touch records both ("options+time:day 1 at 10:00"), and
   * counts once for its template and once for its timing.
   */
  @Test
  void timingVariantsAreCountedBesideTemplateVariants() {
    Reply put = dealer.put("/v1/cadences/nurture", "application/yaml", """
        name: nurture
        version: 1
        grades: [C]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: at receipt
          - id: email-3
            channel: email
            variants:
              - {template: options, weight: 1}
              - {template: nurture, weight: 1}
            timingVariants:
              - {timing: day 1 at 10:00, weight: 1}
              - {timing: day 1 evening, weight: 1}
        """);
    assertEquals(200, put.status(), put.body().toString());

    long morningOptions = sent("email-3", "options+time:day 1 at 10:00", TouchState.SENT, dealershipId);
    outcome(morningOptions, OutcomeType.CONTACTED, T0.plus(Duration.ofHours(2)));
    long eveningOptions = sent("email-3", "options+time:day 1 at 18:00", TouchState.DELIVERED, dealershipId);
    engagement(eveningOptions, "EMAIL_CLICK", T0.plus(Duration.ofMinutes(1)));
    sent("email-3", "nurture+time:day 1 at 18:00", TouchState.SENT, dealershipId);
    sent("email-3", "nurture+time:day 1 at 10:00", TouchState.SKIPPED_OPTED_OUT, dealershipId);

    Reply variants = dealer.get("/v1/cadences/nurture/variants");
    assertEquals(200, variants.status(), variants.body().toString());
    assertEquals("{\"items\":["
        + "{\"stepId\":\"email-3\",\"variant\":\"options\",\"sent\":2,\"responses\":1,\"contacts\":1},"
        + "{\"stepId\":\"email-3\",\"variant\":\"nurture\",\"sent\":1,\"responses\":0,\"contacts\":0},"
        + "{\"stepId\":\"email-3\",\"variant\":\"time:day 1 at 10:00\",\"sent\":1,\"responses\":0,"
        + "\"contacts\":1},"
        + "{\"stepId\":\"email-3\",\"variant\":\"time:day 1 at 18:00\",\"sent\":2,\"responses\":1,"
        + "\"contacts\":0}]}",
        withoutCursor(variants));
  }

  @Test
  void aPlanWithoutVariantsHasNoLinesAndAnUnknownPlanIs404() {
    assertEquals("{\"items\":[]}", withoutCursor(dealer.get("/v1/cadences/hot/variants")));
    assertEquals(404, dealer.get("/v1/cadences/lukewarm/variants").status());
    assertEquals(401, dealer.as("no-such-key").get("/v1/cadences/hot/variants").status());
  }

  /** The answer's items as JSON (the page has no next cursor: every line is in it). */
  private static String withoutCursor(Reply reply) {
    assertTrue(reply.body().path("nextCursor").isMissingNode() || reply.body().path("nextCursor").isNull(),
        reply.body().toString());
    return "{\"items\":" + reply.body().path("items").toString() + "}";
  }

  /** A new lead of the dealership with the email-2 touch of that variant, settled in that state, at T0. */
  private static long sent(String variant, TouchState state, long dealership) {
    return sent("email-2", variant, state, dealership);
  }

  /** A new lead of the dealership with a touch of that step and variant label, settled in that state, at T0. */
  private static long sent(String stepId, String variant, TouchState state, long dealership) {
    LeadDao leadDao = DB.jdbi().onDemand(LeadDao.class);
    long lead = leadDao.insert(TestLeads.lead(dealership, "variants-" + (++leads), "lead" + leads + "@example.com",
        null, null));
    TouchDao touches = DB.jdbi().onDemand(TouchDao.class);
    long touch = touches.insertIfAbsent(new NewTouch(lead, 1, stepId, Channel.EMAIL,
        VariantLabel.templatePart(variant), variant,
        "variants-test:" + lead + ":1", T0)).id();
    touches.settle(touch, state, "lead" + leads + "@example.com", "subject", "body", "seeded");
    return lead;
  }

  private static void outcome(long lead, OutcomeType type, Instant at) {
    DB.jdbi().onDemand(OutcomeDao.class).insertIfAbsent(lead, "variants-test:" + lead + ":" + type, type, null,
        null, at);
  }

  private static void engagement(long lead, String type, Instant at) {
    DB.jdbi().useHandle(h -> h.execute("INSERT INTO provider_events (provider, event_id, event_type, lead_id, payload,"
        + " received_at) VALUES ('sendgrid-engagement', ?, ?, ?, '{}', ?)", "variants-" + lead, type, lead,
        Timestamp.from(at)));
  }

  private static void task(long lead, String kind, Instant at) {
    DB.jdbi().useHandle(h -> h.execute("INSERT INTO tasks (dealership_id, lead_id, kind, status, due_at, created_at)"
        + " VALUES (?, ?, ?, 'OPEN', ?, ?)", dealershipId, lead, kind, Timestamp.from(at), Timestamp.from(at)));
  }
}
