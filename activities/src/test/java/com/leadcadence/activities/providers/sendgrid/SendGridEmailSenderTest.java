package com.leadcadence.activities.providers.sendgrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real SendGrid SDK against a WireMock: the exact v3 mail send request, and how each failure is sorted. */
class SendGridEmailSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String API_KEY = "SG.test-key.0123456789";
  private static final String MAIL_SEND = "/v3/mail/send";
  private static final EmailMessage MESSAGE = new EmailMessage(
      "jane.doe@example.com", "Sam at Lakeside Toyota", "sales@lakeside-toyota.example",
      "Your 2024 Camry", "Hi Jane,\nthe Camry is here.", "lead-42:0", 42L, 7000L);
  private static final String INVALID_RECIPIENT = """
      {"errors": [{"message": "Does not contain a valid address.", "field": "personalizations.0.to.0.email",
                   "help": "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to"}]}
      """;

  private SendGridEmailSender sender(Integer asmGroup, List<String> categories, String baseUrl, Duration timeout) {
    SendGridSettings settings = new SendGridSettings(API_KEY, null, asmGroup, categories, baseUrl);
    return new SendGridEmailSender(SendGridClients.create(settings, timeout), settings);
  }

  private SendGridEmailSender sender() {
    return sender(null, List.of(), wm.baseUrl(), Duration.ofSeconds(2));
  }

  private static void answer(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlEqualTo(MAIL_SEND)).willReturn(response));
  }

  @Test
  void postsTheMailWithBearerKeyIdentityBodiesCustomArgsCategoriesAndUnsubscribeGroup() {
    answer(aResponse().withStatus(202).withHeader("X-Message-Id", "W8d3bQ5kQkG0xYz1aBcDeF"));
    SendGridEmailSender sender = sender(4242, List.of("lead-cadence"), wm.baseUrl(), Duration.ofSeconds(2));

    SendReceipt receipt = sender.send(MESSAGE,
        new EmailExtras("<p>Hi Jane,</p><p>the Camry is here.</p>", List.of("step-email-2", "lead-cadence"), null));

    assertEquals(new SendReceipt("sendgrid", "W8d3bQ5kQkG0xYz1aBcDeF"), receipt);
    wm.verify(1, postRequestedFor(urlEqualTo(MAIL_SEND))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {
              "from": {"name": "Sam at Lakeside Toyota", "email": "sales@lakeside-toyota.example"},
              "subject": "Your 2024 Camry",
              "personalizations": [{"to": [{"email": "jane.doe@example.com"}]}],
              "content": [
                {"type": "text/plain", "value": "Hi Jane,\\nthe Camry is here."},
                {"type": "text/html", "value": "<p>Hi Jane,</p><p>the Camry is here.</p>"}
              ],
              "custom_args": {"lead_id": "42", "touch_id": "7000", "idempotency_key": "lead-42:0"},
              "categories": ["lead-cadence", "step-email-2"],
              "asm": {"group_id": 4242}
            }
            """)));
  }

  @Test
  void theStepsTemplateIsACategoryNextToTheConfiguredOnes() {
    answer(aResponse().withStatus(202).withHeader("X-Message-Id", "cat-1"));
    SendGridEmailSender sender = sender(null, List.of("lead-cadence"), wm.baseUrl(), Duration.ofSeconds(2));
    EmailMessage ack = new EmailMessage(MESSAGE.to(), MESSAGE.fromName(), MESSAGE.fromEmail(), MESSAGE.subject(),
        MESSAGE.body(), null, MESSAGE.idempotencyKey(), MESSAGE.leadId(), MESSAGE.touchId(), "ack");

    sender.send(ack);

    wm.verify(postRequestedFor(urlEqualTo(MAIL_SEND)).withRequestBody(equalToJson("""
        {"categories": ["lead-cadence", "ack"]}
        """, true, true)));
  }

  @Test
  void withoutExtrasTheMailIsTextOnlyWithoutGroupOrCategories() {
    answer(aResponse().withStatus(202).withHeader("x-message-id", "lowercase-header-id"));

    SendReceipt receipt = sender().send(MESSAGE);

    assertEquals("lowercase-header-id", receipt.providerId());
    wm.verify(postRequestedFor(urlEqualTo(MAIL_SEND)).withRequestBody(equalToJson("""
        {
          "from": {"name": "Sam at Lakeside Toyota", "email": "sales@lakeside-toyota.example"},
          "subject": "Your 2024 Camry",
          "personalizations": [{"to": [{"email": "jane.doe@example.com"}]}],
          "content": [{"type": "text/plain", "value": "Hi Jane,\\nthe Camry is here."}],
          "custom_args": {"lead_id": "42", "touch_id": "7000", "idempotency_key": "lead-42:0"}
        }
        """)));
  }

  @Test
  void theMessagesOwnHtmlIsTheHtmlPart() {
    answer(aResponse().withStatus(202).withHeader("X-Message-Id", "html-id"));
    EmailMessage withHtml = new EmailMessage(MESSAGE.to(), MESSAGE.fromName(), MESSAGE.fromEmail(),
        MESSAGE.subject(), MESSAGE.body(), "<p>Hi Jane,</p>", MESSAGE.idempotencyKey(), 42L, 7000L);

    sender().send(withHtml, new EmailExtras("<p>ignored: the message has its own</p>", List.of(), null));

    wm.verify(postRequestedFor(urlEqualTo(MAIL_SEND)).withRequestBody(equalToJson("""
        {"content": [
          {"type": "text/plain", "value": "Hi Jane,\\nthe Camry is here."},
          {"type": "text/html", "value": "<p>Hi Jane,</p>"}
        ]}
        """, true, true)));
  }

  @ParameterizedTest(name = "HTTP {0} naming the recipient is permanent")
  @ValueSource(ints = {400, 403, 413})
  void anInvalidRecipientIsPermanent(int status) {
    answer(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(INVALID_RECIPIENT));

    assertThrows(PermanentDeliveryException.class, () -> sender().send(MESSAGE));
  }

  @Test
  void aRefusalAboutTheSenderIsNotBlamedOnTheLead() {
    answer(aResponse().withStatus(403).withBody("""
        {"errors": [{"message": "The from address does not match a verified Sender Identity.", "field": "from"}]}
        """));

    assertThrows(MessageNotSentException.class, () -> sender().send(MESSAGE));
  }

  @ParameterizedTest(name = "HTTP {0} is transient")
  @ValueSource(ints = {429, 503, 401})
  void overloadAndBadKeysMayBeRetried(int status) {
    answer(aResponse().withStatus(status).withBody("{\"errors\": [{\"message\": \"try later\", \"field\": null}]}"));

    assertThrows(MessageNotSentException.class, () -> sender().send(MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(MAIL_SEND)));
  }

  @ParameterizedTest(name = "HTTP {0} may come after SendGrid took the email")
  @ValueSource(ints = {500, 502, 504})
  void serverErrorsLeaveTheOutcomeUnknown(int status) {
    answer(aResponse().withStatus(status).withBody("{\"errors\": [{\"message\": \"oops\", \"field\": null}]}"));

    assertThrows(ProviderOutcomeUnknownException.class, () -> sender().send(MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(MAIL_SEND)));
  }

  @Test
  void anUnreachableSendGridMeansNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SendGridEmailSender sender = sender(null, List.of(), "http://127.0.0.1:" + closedPort, Duration.ofSeconds(2));

    assertThrows(MessageNotSentException.class, () -> sender.send(MESSAGE));
  }

  @Test
  void noAnswerInTimeLeavesTheOutcomeUnknown() {
    answer(aResponse().withStatus(202).withFixedDelay(1500));
    SendGridEmailSender sender = sender(null, List.of(), wm.baseUrl(), Duration.ofMillis(300));

    assertThrows(ProviderOutcomeUnknownException.class, () -> sender.send(MESSAGE));
  }

  @Test
  void aBaseUrlWithAPathIsRefusedAtStartup() {
    assertThrows(IllegalArgumentException.class,
        () -> sender(null, List.of(), wm.baseUrl() + "/sendgrid", Duration.ofSeconds(1)));
  }
}
