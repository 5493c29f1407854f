package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.activities.TouchActivitiesImpl;
import com.leadcadence.activities.notify.SendingAgentNotifier;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.DealershipDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.webhooks.TwilioApiStub;
import com.leadcadence.api.webhooks.VoicemailAnswers;
import com.leadcadence.api.webhooks.WebhookSigner;
import com.leadcadence.store.AgentSeed;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.dao.OptOutDao;
import com.leadcadence.store.dao.ProviderEventDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.NewTouch;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.workflows.activities.TouchRequest;
import com.leadcadence.workflows.activities.TouchStatus;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.OptOutChannel;
import com.leadcadence.workflows.model.EngagementType;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider webhooks end to end: requests signed with the providers' own algorithms (computed here),
 * the real app on MariaDB and the embedded Temporal server over gRPC, the leads' real workflows. Each
 * webhook: a good signature has its effect, a bad or missing one is a 403 that changes nothing, and a
 * duplicate changes nothing more. Twilio's REST API (steering voicemail calls) is a local stub.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProviderWebhooksTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String AUTH_TOKEN = "twilio-test-auth-token";
  private static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
  private static final String PUBLIC_BASE = "https://leads.example.test";
  private static final String DEALER_KEY = "webhook-dealer-key";
  private static final String DEALER_NUMBER = "+13125550177";
  private static final String DEALER_NAME = "Riverside Auto";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final TestDatabase DB = TestDatabase.create();
  private static final TwilioApiStub TWILIO = new TwilioApiStub();
  private static final KeyPair SENDGRID_KEYS = WebhookSigner.sendGridKeys();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, config());

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ApiClient dealer;
  private static long dealershipId;

  /** Dry-run senders (nothing leaves), but webhook secrets and Twilio credentials for call control. */
  private static LeadCadenceConfiguration config() {
    LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(DB);
    SendersSettings senders = config.getSenders();
    senders.setPublicBaseUrl(PUBLIC_BASE + "/");
    senders.setTwilio(new com.leadcadence.activities.providers.twilio.TwilioSettings(
        ACCOUNT_SID, AUTH_TOKEN, null, null, TWILIO.baseUrl()));
    senders.setSendGrid(new com.leadcadence.activities.providers.sendgrid.SendGridSettings(
        null, WebhookSigner.publicKey(SENDGRID_KEYS), null, List.of(), null));
    return config;
  }

  @BeforeAll
  static void seed() {
    dealershipId = new DealershipSeeder(DB.jdbi()).seed(new DealershipSeed(DEALER_NAME, "America/Chicago",
        "MON-SAT 09:00-20:00", "", DEALER_NAME + " Sales", "sales@riverside.example", DEALER_NUMBER, true,
        "website", null, DEALER_KEY,
        List.of(new AgentSeed("Ana Ruiz", "ana@riverside.example", "+13125550178", AgentRole.AGENT))));
    dealer = new ApiClient(APP.getLocalPort(), DEALER_KEY);
  }

  @AfterAll
  static void close() {
    TWILIO.close();
    DB.close();
  }

  // ---- Twilio inbound SMS ----

  @Test
  void stopOptsTheNumberOutForEveryLeadOfTheDealershipAndNoMoreTextsGoToIt() {
    String phone = uniquePhone();
    long first = olderThanTheDuplicateWindow(createLead(phone, uniqueEmail()));
    long second = createLead(phone, uniqueEmail());
    String stopSid = messageSid();

    Response stop = postTwilio("/webhooks/twilio/sms", inbound(stopSid, phone, "  stop "), true);

    assertEquals(200, stop.status(), stop.body());
    assertEquals("<Response/>", stop.body().replaceAll("<\\?xml[^>]*\\?>", "").strip());
    assertTrue(optOuts().isOptedOut(dealershipId, phone, OptOutChannel.SMS));
    awaitBlocked(first, "SMS");
    awaitBlocked(second, "SMS");
    // The workflows skip blocked steps; the activity checks the opt-out list too, for any step already
    // on its way: a text to that number for either lead is refused before it reaches a sender.
    DryRunOutbox outbox = new DryRunOutbox();
    for (long lead : List.of(first, second)) {
      assertEquals(TouchStatus.SKIPPED_OPTED_OUT, performSms(lead, outbox).status());
    }
    assertTrue(outbox.messages().isEmpty(), "no text was handed to a sender");

    Response start = postTwilio("/webhooks/twilio/sms", inbound(messageSid(), phone, "START"), true);
    assertEquals(200, start.status());
    assertFalse(optOuts().isOptedOut(dealershipId, phone, OptOutChannel.SMS));
    awaitNotBlocked(first, "SMS");
    awaitNotBlocked(second, "SMS");

    // Twilio delivering the STOP again (same MessageSid) changes nothing: the START stands.
    Response again = postTwilio("/webhooks/twilio/sms", inbound(stopSid, phone, "STOP"), true);
    assertEquals(200, again.status());
    assertFalse(optOuts().isOptedOut(dealershipId, phone, OptOutChannel.SMS));
    assertEquals(1, events().listByProvider("twilio").stream()
        .filter(e -> e.eventId().equals("sms:" + stopSid)).count());
  }

  @Test
  void aBadOrMissingSignatureIsRefusedAndChangesNothing() {
    String phone = uniquePhone();
    long lead = createLead(phone, uniqueEmail());
    long eventsBefore = events().count();
    Map<String, String> form = inbound(messageSid(), phone, "STOP");

    Response missing = postTwilio("/webhooks/twilio/sms", form, false);
    Response wrong = send("/webhooks/twilio/sms", "application/x-www-form-urlencoded", formBody(form).getBytes(),
        Map.of("X-Twilio-Signature", WebhookSigner.twilio("not-the-token", PUBLIC_BASE + "/webhooks/twilio/sms",
            form)));
    Map<String, String> tampered = new LinkedHashMap<>(form);
    tampered.put("From", uniquePhone());
    Response altered = send("/webhooks/twilio/sms", "application/x-www-form-urlencoded",
        formBody(tampered).getBytes(), Map.of("X-Twilio-Signature", sign("/webhooks/twilio/sms", form)));

    assertEquals(List.of(403, 403, 403), List.of(missing.status(), wrong.status(), altered.status()));
    assertFalse(optOuts().isOptedOut(dealershipId, phone, OptOutChannel.SMS));
    assertEquals(eventsBefore, events().count(), "no event stored");
    assertFalse(blocked(lead).contains("SMS"));
  }

  @Test
  void helpIsAnsweredWithTheDealershipsNameNumberAndHowToStop() {
    Response help = postTwilio("/webhooks/twilio/sms", inbound(messageSid(), uniquePhone(), "help"), true);

    assertEquals(200, help.status());
    assertTrue(help.body().contains("<Message>"), help.body());
    assertTrue(help.body().contains(DEALER_NAME) && help.body().contains(DEALER_NUMBER)
        && help.body().contains("Reply STOP"), help.body());
  }

  @Test
  void aReplyGivesTheNewestLeadsAgentATaskOnce() {
    String phone = uniquePhone();
    long older = olderThanTheDuplicateWindow(createLead(phone, uniqueEmail()));
    long newer = createLead(phone, uniqueEmail());
    Map<String, String> form = inbound(messageSid(), phone, "Is the blue one still there?");

    assertEquals(200, postTwilio("/webhooks/twilio/sms", form, true).status());
    assertEquals(200, postTwilio("/webhooks/twilio/sms", form, true).status());

    List<TaskRow> replies = tasks().listOpenByLead(newer).stream()
        .filter(t -> t.kind() == TaskKind.LEAD_REPLIED).toList();
    assertEquals(1, replies.size(), "one task, though Twilio delivered the reply twice");
    assertTrue(replies.get(0).note().contains("blue one"));
    assertTrue(tasks().listOpenByLead(older).stream().noneMatch(t -> t.kind() == TaskKind.LEAD_REPLIED));
  }

  // ---- Twilio status callbacks ----

  @Test
  void aPermanentErrorFailsTheTouchAndBlocksSmsForThatLead() {
    long lead = createLead(uniquePhone(), uniqueEmail());
    String sid = messageSid();
    TouchRow touch = sentTouch(lead, Channel.SMS, "twilio", sid, "Hi Jane");
    String path = "/webhooks/twilio/status?leadId=" + lead + "&touchId=" + touch.id();
    Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30006",
        "AccountSid", ACCOUNT_SID);

    assertEquals(403, postTwilio(path, form, false).status());
    assertEquals(TouchState.SENT, touches().findById(touch.id()).orElseThrow().status());

    assertEquals(200, postTwilio(path, form, true).status());
    assertEquals(200, postTwilio(path, form, true).status());

    TouchRow failed = touches().findById(touch.id()).orElseThrow();
    assertEquals(TouchState.FAILED, failed.status());
    assertTrue(failed.detail().contains("30006"), failed.detail());
    awaitBlocked(lead, "SMS");
    assertFalse(blocked(lead).contains("EMAIL"), "the other channels go on");
  }

  @Test
  void aDeliveredTextIsMarkedDeliveredWithoutBlockingAnything() {
    long lead = createLead(uniquePhone(), uniqueEmail());
    String sid = messageSid();
    TouchRow touch = sentTouch(lead, Channel.SMS, "twilio", sid, "Hi Jane");

    Response reply = postTwilio("/webhooks/twilio/status?leadId=" + lead + "&touchId=" + touch.id(),
        Map.of("MessageSid", sid, "MessageStatus", "delivered"), true);

    assertEquals(200, reply.status());
    assertEquals(TouchState.DELIVERED, touches().findById(touch.id()).orElseThrow().status());
    assertFalse(blocked(lead).contains("SMS"));
  }

  // ---- Twilio voice (answering-machine detection) ----

  @Test
  void aMachineGetsTheStepsMessageOnceAndAPersonGetsAGreetingAndAnUrgentTask() {
    long lead = createLead(uniquePhone(), uniqueEmail());
    String machineCall = callSid();
    TouchRow machineTouch = sentTouch(lead, Channel.VOICEMAIL, "twilio", machineCall,
        "Hi Jane, this is Ana from Riverside Auto about the Camry.");
    String machinePath = "/webhooks/twilio/voice?leadId=" + lead + "&touchId=" + machineTouch.id();
    Map<String, String> beep = Map.of("CallSid", machineCall, "AnsweredBy", "machine_end_beep");

    assertEquals(403, postTwilio(machinePath, beep, false).status());
    assertTrue(TWILIO.callUpdates(machineCall).isEmpty(), "an unverified callback steers no call");
    assertEquals(200, postTwilio(machinePath, beep, true).status());
    assertEquals(200, postTwilio(machinePath, beep, true).status());

    List<TwilioApiStub.Recorded> updates = TWILIO.callUpdates(machineCall);
    assertEquals(1, updates.size(), "the message is left once");
    assertTrue(updates.get(0).path().contains("/Accounts/" + ACCOUNT_SID + "/"));
    assertTrue(updates.get(0).decodedBody().contains("<Say>Hi Jane, this is Ana from Riverside Auto"),
        updates.get(0).decodedBody());

    String humanCall = callSid();
    TouchRow humanTouch = sentTouch(lead, Channel.VOICEMAIL, "twilio", humanCall, "Hi Jane, a message.");
    assertEquals(200, postTwilio("/webhooks/twilio/voice?leadId=" + lead + "&touchId=" + humanTouch.id(),
        Map.of("CallSid", humanCall, "AnsweredBy", "human"), true).status());

    List<TwilioApiStub.Recorded> greeting = TWILIO.callUpdates(humanCall);
    assertEquals(1, greeting.size());
    assertTrue(greeting.get(0).decodedBody().contains(DEALER_NAME), greeting.get(0).decodedBody());
    assertFalse(greeting.get(0).decodedBody().contains("a message."), "a person never hears the mailbox message");
    assertTrue(tasks().listOpenByLead(lead).stream().anyMatch(t -> t.kind() == TaskKind.CALL_BACK_NOW
        && t.note() != null && t.note().contains(VoicemailAnswers.CALL_BACK_NOW)));
  }

  // ---- SendGrid events ----

  @Test
  void sendGridEventsSettleTouchesBlockBouncedEmailAndOptOutUnsubscribers() {
    String sharedEmail = uniqueEmail();
    long bounced = createLead(uniquePhone(), uniqueEmail());
    long unsubscriber = olderThanTheDuplicateWindow(createLead(uniquePhone(), sharedEmail));
    long sameAddress = createLead(uniquePhone(), sharedEmail);
    TouchRow delivered = sentTouch(unsubscriber, Channel.EMAIL, "sendgrid", "msg-" + SEQUENCE.incrementAndGet(), "Hi");
    TouchRow bounce = sentTouch(bounced, Channel.EMAIL, "sendgrid", "msg-" + SEQUENCE.incrementAndGet(), "Hi");
    String batch = "[" + String.join(",",
        event("delivered", unsubscriber, delivered.id(), sharedEmail, ""),
        event("open", unsubscriber, delivered.id(), sharedEmail, ""),
        event("bounce", bounced, bounce.id(), "gone@example.com", ", \"type\": \"bounce\", \"reason\": \"550 no such user\""),
        event("unsubscribe", unsubscriber, delivered.id(), sharedEmail.toUpperCase(), "")) + "]";
    byte[] body = batch.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    long eventsBefore = events().count();

    Response unsigned = send("/webhooks/sendgrid/events", "application/json", body,
        Map.of("X-Twilio-Email-Event-Webhook-Timestamp", timestamp));
    Response wrongKey = send("/webhooks/sendgrid/events", "application/json", body, Map.of(
        "X-Twilio-Email-Event-Webhook-Timestamp", timestamp,
        "X-Twilio-Email-Event-Webhook-Signature", WebhookSigner.sendGrid(WebhookSigner.sendGridKeys(), timestamp, body)));
    Response otherTime = send("/webhooks/sendgrid/events", "application/json", body, Map.of(
        "X-Twilio-Email-Event-Webhook-Timestamp", timestamp + "1",
        "X-Twilio-Email-Event-Webhook-Signature", WebhookSigner.sendGrid(SENDGRID_KEYS, timestamp, body)));
    assertEquals(List.of(403, 403, 403), List.of(unsigned.status(), wrongKey.status(), otherTime.status()));
    assertEquals(eventsBefore, events().count());
    assertEquals(TouchState.SENT, touches().findById(bounce.id()).orElseThrow().status());

    Map<String, String> signed = Map.of("X-Twilio-Email-Event-Webhook-Timestamp", timestamp,
        "X-Twilio-Email-Event-Webhook-Signature", WebhookSigner.sendGrid(SENDGRID_KEYS, timestamp, body));
    assertEquals(200, send("/webhooks/sendgrid/events", "application/json", body, signed).status());
    assertEquals(200, send("/webhooks/sendgrid/events", "application/json", body, signed).status());

    // The open also claims its email's engagement key (lead:EMAIL_OPEN:touch): the first open is signalled.
    assertEquals(eventsBefore + 5, events().count(), "each event stored once, plus the open's engagement claim");
    assertEquals(TouchState.DELIVERED, touches().findById(delivered.id()).orElseThrow().status());
    TouchRow bounceRow = touches().findById(bounce.id()).orElseThrow();
    assertEquals(TouchState.FAILED, bounceRow.status());
    assertTrue(bounceRow.detail().contains("550"), bounceRow.detail());
    awaitBlocked(bounced, "EMAIL");
    assertFalse(blocked(bounced).contains("SMS"));
    assertTrue(optOuts().isOptedOut(dealershipId, sharedEmail.toLowerCase(), OptOutChannel.EMAIL));
    awaitBlocked(unsubscriber, "EMAIL");
    awaitBlocked(sameAddress, "EMAIL");
  }

  /**
   * 5,000 opens of one email, batched as SendGrid does (50 POSTs of 100): every event is stored, but only
   * the first is signalled, so the workflow's history stays small and the score rises once.
   */
  @Test
  void manyOpensOfOneEmailAreStoredButSignalledOnceSoTheHistoryStaysBounded() {
    // A browsing lead: a score well under 100, so that one open shows.
    Map<String, Object> browsing = Leads.with(Leads.with(Leads.valid(), "phone", uniquePhone()), "email", uniqueEmail());
    browsing.put("timeframe", "BROWSING");
    browsing.remove("financing");
    Reply created = dealer.post("/v1/leads", browsing);
    assertEquals(201, created.status(), created.body().toString());
    long leadId = created.body().path("id").asLong();
    JsonNode before = dealer.get("/v1/leads/" + leadId).body();
    String workflowId = before.path("lead").path("workflowId").asText();
    int scoreBefore = before.path("state").path("score").asInt();
    assertTrue(scoreBefore + EngagementType.EMAIL_OPEN.points() <= 100, "room for the score to rise: " + before);
    TouchRow email = sentTouch(leadId, Channel.EMAIL, "sendgrid", "msg-" + SEQUENCE.incrementAndGet(), "Hi");
    long sendGridEventsBefore = events().listByProvider("sendgrid").size();

    for (int post = 0; post < 50; post++) {
      StringBuilder batch = new StringBuilder("[");
      for (int i = 0; i < 100; i++) {
        batch.append(i == 0 ? "" : ",").append(event("open", leadId, email.id(), "o@example.com", ""));
      }
      byte[] body = batch.append("]").toString().getBytes(StandardCharsets.UTF_8);
      String timestamp = Long.toString(Instant.now().getEpochSecond());
      assertEquals(200, send("/webhooks/sendgrid/events", "application/json", body, Map.of(
          "X-Twilio-Email-Event-Webhook-Timestamp", timestamp,
          "X-Twilio-Email-Event-Webhook-Signature", WebhookSigner.sendGrid(SENDGRID_KEYS, timestamp, body))).status());
    }

    assertEquals(sendGridEventsBefore + 5_000, events().listByProvider("sendgrid").size(), "every open stored");
    int expected = scoreBefore + EngagementType.EMAIL_OPEN.points();
    Leads.await(WAIT, "score " + expected + " in the row and the workflow", () -> {
      JsonNode now = dealer.get("/v1/leads/" + leadId).body();
      return now.path("state").path("score").asInt() == expected && now.path("lead").path("score").asInt() == expected;
    });
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + APP.getConfiguration().getTemporal().getEmbeddedPort()).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
          .setNamespace(APP.getConfiguration().getTemporal().getNamespace()).build());
      List<HistoryEvent> history = client.fetchHistory(workflowId).getHistory().getEventsList();
      long signals = history.stream()
          .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED).count();
      assertEquals(1, signals, "one engagement signal for 5,000 opens");
      assertTrue(history.size() < 60, "history of " + history.size() + " events");
    } finally {
      service.shutdown();
    }
    assertEquals(expected, dealer.get("/v1/leads/" + leadId).body().path("state").path("score").asInt(),
        "the score rose once");
  }

  // ---- helpers ----

  private record Response(int status, String body) {}

  private static long createLead(String phone, String email) {
    Map<String, Object> lead = Leads.with(Leads.with(Leads.valid(), "phone", phone), "email", email);
    lead.put("consent", Map.of("sms", true, "voice", true));
    Reply created = dealer.post("/v1/leads", lead);
    assertEquals(201, created.status(), created.body().toString());
    return created.body().path("id").asLong();
  }

  /**
   * Two open leads of one dealership share a phone or email only when the first is older than the
   * duplicate rule's 30 days (or predates the rule): otherwise the second would be a DUPLICATE.
   */
  private static long olderThanTheDuplicateWindow(long leadId) {
    DB.jdbi().useHandle(h -> h.execute(
        "UPDATE leads SET created_at = TIMESTAMPADD(DAY, -31, created_at) WHERE id = ?", leadId));
    return leadId;
  }

  private static List<String> blocked(long leadId) {
    JsonNode state = dealer.get("/v1/leads/" + leadId).body().path("state");
    return java.util.stream.StreamSupport.stream(state.path("blockedChannels").spliterator(), false)
        .map(JsonNode::asText).toList();
  }

  private static void awaitBlocked(long leadId, String channel) {
    Leads.await(WAIT, channel + " blocked for lead " + leadId, () -> blocked(leadId).contains(channel));
  }

  private static void awaitNotBlocked(long leadId, String channel) {
    Leads.await(WAIT, channel + " unblocked for lead " + leadId, () -> !blocked(leadId).contains(channel));
  }

  /** A text step of the lead's, run by the real touch activity as the worker would run it. */
  private static com.leadcadence.workflows.activities.TouchResult performSms(long leadId, DryRunOutbox outbox) {
    MessageTemplates templates = new MessageTemplates(Path.of("../config/templates"));
    TouchActivitiesImpl activity = new TouchActivitiesImpl(DB.jdbi(), DryRunSenders.all(outbox), templates,
        new OptOutRegistry(optOuts()), new SendingAgentNotifier(DB.jdbi().onDemand(AgentDao.class),
            DB.jdbi().onDemand(DealershipDao.class), DB.jdbi().onDemand(LeadDao.class), DryRunSenders.all(outbox),
            templates, java.time.Clock.systemUTC(), null),
        new SimpleMeterRegistry());
    return activity.perform(new TouchRequest(leadId, dealershipId, "after-stop-" + leadId, 99, "sms-1",
        Channel.SMS, "intro", Instant.now(), null, null));
  }

  /** The row a real sender leaves after the provider accepted the message. */
  private static TouchRow sentTouch(long leadId, Channel channel, String provider, String providerId, String body) {
    TouchDao dao = touches();
    TouchRow touch = dao.insertIfAbsent(new NewTouch(leadId, 900 + SEQUENCE.incrementAndGet(), "test-step",
        channel, "intro", "webhook-test:" + providerId, Instant.now()));
    dao.markSending(touch.id(), "recipient", null, body);
    dao.markSent(touch.id(), provider, providerId, "sent via " + provider);
    return dao.findById(touch.id()).orElseThrow();
  }

  private static String event(String type, long leadId, long touchId, String email, String extra) {
    return "{\"event\": \"" + type + "\", \"email\": \"" + email + "\", \"timestamp\": 1700000000,"
        + " \"sg_event_id\": \"evt-" + SEQUENCE.incrementAndGet() + "\", \"sg_message_id\": \"m.filter\","
        + " \"lead_id\": \"" + leadId + "\", \"touch_id\": \"" + touchId + "\"" + extra + "}";
  }

  private static Map<String, String> inbound(String sid, String from, String body) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("MessageSid", sid);
    form.put("AccountSid", ACCOUNT_SID);
    form.put("From", from);
    form.put("To", DEALER_NUMBER);
    form.put("Body", body);
    form.put("NumMedia", "0");
    return form;
  }

  /** pathAndQuery as Twilio calls it: the signature covers PUBLIC_BASE_URL + path + query. */
  private static Response postTwilio(String pathAndQuery, Map<String, String> form, boolean signed) {
    Map<String, String> headers = signed ? Map.of("X-Twilio-Signature", sign(pathAndQuery, form)) : Map.of();
    return send(pathAndQuery, "application/x-www-form-urlencoded", formBody(form).getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private static String sign(String pathAndQuery, Map<String, String> form) {
    return WebhookSigner.twilio(AUTH_TOKEN, PUBLIC_BASE + pathAndQuery, form);
  }

  private static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Response send(String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + APP.getLocalPort() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String uniquePhone() {
    return "+1312555" + String.format("%04d", 2000 + SEQUENCE.incrementAndGet());
  }

  private static String uniqueEmail() {
    return "lead" + SEQUENCE.incrementAndGet() + "@example.com";
  }

  private static String messageSid() {
    return "SM" + String.format("%032d", SEQUENCE.incrementAndGet());
  }

  private static String callSid() {
    return "CA" + String.format("%032d", SEQUENCE.incrementAndGet());
  }

  private static OptOutDao optOuts() {
    return DB.jdbi().onDemand(OptOutDao.class);
  }

  private static ProviderEventDao events() {
    return DB.jdbi().onDemand(ProviderEventDao.class);
  }

  private static TaskDao tasks() {
    return DB.jdbi().onDemand(TaskDao.class);
  }

  private static TouchDao touches() {
    return DB.jdbi().onDemand(TouchDao.class);
  }
}
