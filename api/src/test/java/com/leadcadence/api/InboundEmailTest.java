package com.leadcadence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.api.ApiClient.Reply;
import com.leadcadence.api.adf.AdfSampleFiles;
import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DealershipSeeder;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.dao.InboundMessageDao;
import com.leadcadence.store.rows.InboundMessageRow;
import com.leadcadence.store.rows.InboundMessageStatus;
import com.leadcadence.store.testing.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /webhooks/sendgrid/inbound with multipart bodies shaped like SendGrid Inbound Parse's: the ADF
 * is found in the text, the HTML or an attachment, the lead goes to the dealership whose inbound
 * address received the mail, every mail is kept (accepted or rejected with its reason), and only the
 * configured basic credentials get in.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InboundEmailTest {
  private static final String USER = "sendgrid-inbound";
  private static final String PASSWORD = "test-inbound-password";
  private static final String LAKESIDE = "lakeside-motors@inbound.leadcadence.example";
  private static final String NORTHSIDE = "northside-auto@inbound.leadcadence.example";
  private static final String NORTHSIDE_KEY = "northside-inbound-key";

  private static final TestDatabase DB = TestDatabase.create();
  private static final DropwizardAppExtension<LeadCadenceConfiguration> APP =
      new DropwizardAppExtension<>(LeadCadenceApplication.class, config());

  private static ApiClient demo;
  private static ApiClient northside;
  private static ApiClient anonymous;

  private static LeadCadenceConfiguration config() {
    LeadCadenceConfiguration config = TestApps.withEmbeddedTemporal(DB);
    config.getInboundEmail().setUser(USER);
    config.getInboundEmail().setPassword(PASSWORD);
    return config;
  }

  @BeforeAll
  static void clients() {
    var demoSeed = DemoDealership.SEED;
    new DealershipSeeder(DB.jdbi()).seed(new DealershipSeed("Northside Auto", "America/Chicago",
        "MON-SAT 09:00-20:00", "", "Northside Auto Sales", "sales@northside-auto.example", "+13125550300", false,
        "website", NORTHSIDE, NORTHSIDE_KEY, demoSeed.agents()));
    demo = new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY);
    northside = new ApiClient(APP.getLocalPort(), NORTHSIDE_KEY);
    anonymous = new ApiClient(APP.getLocalPort(), null);
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void adfInTheTextBodyBecomesALeadOfTheDealershipThatReceivedIt() {
    String text = "New Cars.com lead for Lakeside Motors\n\n" + AdfSampleFiles.text("samples/carscom-new-suv-with-trade.xml")
        + "\n\n--\nCars.com lead delivery. Do not reply.";
    SendGridInboundForm mail = SendGridInboundForm.mail("Lakeside Leads <" + LAKESIDE + ">", LAKESIDE,
        "New lead: 2025 Toyota RAV4", text, null);

    Reply reply = post(mail);
    assertEquals(200, reply.status(), reply.body().toString());
    assertEquals("ACCEPTED", reply.body().path("status").asText(), reply.body().toString());
    long leadId = reply.body().path("leadId").asLong();
    JsonNode lead = demo.get("/v1/leads/" + leadId).body().path("lead");
    assertEquals("cars.com", lead.path("source").asText());
    assertEquals("c0m-55a1f2e9-0b1d", lead.path("externalId").asText());
    assertEquals(404, northside.get("/v1/leads/" + leadId).status(), "another dealership's lead");

    InboundMessageRow stored = message(reply);
    assertEquals(InboundMessageStatus.ACCEPTED, stored.status());
    assertEquals(leadId, stored.leadId());
    assertEquals("text", stored.adfSource());
    assertEquals("New lead: 2025 Toyota RAV4", stored.subject());

    Reply resent = post(mail);
    assertEquals(200, resent.status());
    assertEquals(leadId, resent.body().path("leadId").asLong(), "SendGrid's retry is the same lead");
  }

  @Test
  void adfEscapedIntoTheHtmlBodyIsFound() {
    String xml = AdfSampleFiles.text("samples/truecar-full-name-phone-only.xml");
    String escaped = xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n");
    String html = "<html><body><p>You have a new TrueCar lead.</p><div style=\"font-family:monospace\">" + escaped
        + "</div></body></html>";
    Reply reply = post(SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "TrueCar lead", "View this message as HTML.", html));
    assertEquals("ACCEPTED", reply.body().path("status").asText(), reply.body().toString());
    assertEquals("html", message(reply).adfSource());
    JsonNode lead = demo.get("/v1/leads/" + reply.body().path("leadId").asLong()).body().path("lead");
    assertEquals("Priya", lead.path("firstName").asText());
    assertEquals("truecar", lead.path("source").asText());
  }

  @Test
  void adfInAnAttachmentIsFoundInItsOwnEncoding() {
    SendGridInboundForm mail = SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "KBB Instant Cash Offer lead",
        "The lead is attached.", "<p>The lead is attached.</p>")
        .attachment("dealer-logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
        .attachment("lead.xml", "text/xml", AdfSampleFiles.bytes("samples/latin1-trade-in-only.xml"));
    Reply reply = post(mail);
    assertEquals("ACCEPTED", reply.body().path("status").asText(), reply.body().toString());
    assertEquals("attachment lead.xml", message(reply).adfSource());
    JsonNode lead = demo.get("/v1/leads/" + reply.body().path("leadId").asLong()).body().path("lead");
    assertEquals("José", lead.path("firstName").asText());
    assertEquals("Muñoz", lead.path("lastName").asText());
  }

  @Test
  void theEnvelopeRecipientRoutesAForwardedMail() {
    String xml = AdfSampleFiles.text("samples/several-phones-no-email.xml").replace("CG-88120-B", "CG-FWD-1")
        .replace("(312) 555-0192", "(312) 555-0132");
    Reply reply = post(SendGridInboundForm.mail("Lakeside Leads <" + LAKESIDE + ">", NORTHSIDE, "Fwd: lead", xml, null));
    assertEquals("ACCEPTED", reply.body().path("status").asText(), reply.body().toString());
    long leadId = reply.body().path("leadId").asLong();
    assertEquals(200, northside.get("/v1/leads/" + leadId).status(), "the envelope said Northside");
    assertEquals(404, demo.get("/v1/leads/" + leadId).status());
  }

  @Test
  void aMailWithoutAdfIsKeptAsRejectedAndAnswered200() {
    int leads = leadCount();
    Reply reply = post(SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "Question about the Accord",
        "Hi, is the silver Accord still on the lot? Call me at 312-555-0100. Thanks, Pat", null));
    assertEquals(200, reply.status(), "SendGrid must not retry a mail that will never hold ADF");
    assertEquals("REJECTED", reply.body().path("status").asText());
    InboundMessageRow stored = message(reply);
    assertEquals(InboundMessageStatus.REJECTED, stored.status());
    assertTrue(stored.reason().contains("no ADF document"), stored.reason());
    assertTrue(stored.bodyExcerpt().contains("silver Accord"), "the mail's text is kept to read");
    assertEquals(leads, leadCount());
  }

  @Test
  void anUnknownRecipientIsKeptAsRejected() {
    Reply reply = post(SendGridInboundForm.mail("nobody@inbound.leadcadence.example", "nobody@inbound.leadcadence.example",
        "lead", AdfSampleFiles.text("samples/autotrader-used-sedan.xml"), null));
    assertEquals("REJECTED", reply.body().path("status").asText(), reply.body().toString());
    InboundMessageRow stored = message(reply);
    assertNull(stored.dealershipId());
    assertTrue(stored.reason().contains("no dealership receives leads at nobody@inbound.leadcadence.example"),
        stored.reason());
  }

  @Test
  void anAdfTheIntakeRefusesIsKeptWithTheElementAtFault() {
    Reply reply = post(SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "lead", AdfSampleFiles.text("refused/bad-year.xml"),
        null));
    assertEquals("REJECTED", reply.body().path("status").asText(), reply.body().toString());
    assertTrue(message(reply).reason().contains("prospect/vehicle/year"), message(reply).reason());

    Reply laughs = post(SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "lead", "see attachment", null)
        .attachment("lead.xml", "application/xml", AdfSampleFiles.bytes("attacks/billion-laughs.xml")));
    assertEquals("REJECTED", laughs.body().path("status").asText(), laughs.body().toString());
    // The document is cut from its <adf> tag, so the DOCTYPE stays behind and "&lol9;" is an undeclared entity.
    assertTrue(message(laughs).reason().contains("entity references are not accepted"), message(laughs).reason());
  }

  @Test
  void withoutTheConfiguredCredentialsNothingIsReadOrStored() {
    int before = DB.jdbi().onDemand(InboundMessageDao.class).listLatest(1000).size();
    SendGridInboundForm mail = SendGridInboundForm.mail(LAKESIDE, LAKESIDE, "lead",
        AdfSampleFiles.text("samples/autotrader-used-sedan.xml"), null);
    assertEquals(401, anonymous.postBytes("/webhooks/sendgrid/inbound", mail.contentType(), mail.body()).status());
    assertEquals(401, anonymous.postBytes("/webhooks/sendgrid/inbound", mail.contentType(), mail.body(),
        "Authorization", basic(USER, "wrong")).status());
    assertEquals(401, new ApiClient(APP.getLocalPort(), DemoDealership.API_KEY)
        .postBytes("/webhooks/sendgrid/inbound", mail.contentType(), mail.body()).status(), "an API key is not it");
    assertEquals(before, DB.jdbi().onDemand(InboundMessageDao.class).listLatest(1000).size());
  }

  private static Reply post(SendGridInboundForm mail) {
    return anonymous.postBytes("/webhooks/sendgrid/inbound", mail.contentType(), mail.body(),
        "Authorization", basic(USER, PASSWORD));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static InboundMessageRow message(Reply reply) {
    long id = reply.body().path("inboundMessageId").asLong();
    return DB.jdbi().onDemand(InboundMessageDao.class).listLatest(1000).stream()
        .filter(m -> m.id() == id).findFirst().orElseThrow(() -> new AssertionError("no inbound message " + id));
  }

  private static int leadCount() {
    return DB.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Integer.class).one());
  }
}
