package com.leadcadence.activities.providers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SmsMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Twilio SDK against a WireMock: the exact Messages request, and how each failure is sorted. */
class TwilioSmsSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DEALER_NUMBER = "+13125550100";
  private static final SmsMessage MESSAGE = new SmsMessage(
      "+13125550123", DEALER_NUMBER, "Hi Jane, it's Sam at Lakeside Toyota. Reply STOP to opt out",
      "lead-42:3", 42L, 7001L);

  private static final String CREATED = """
      {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "status": "queued",
       "to": "+13125550123", "from": "+13125550100", "body": "Hi Jane"}
      """.formatted(TwilioStub.ACCOUNT_SID);

  private TwilioSmsSender sender(String fromNumber, String messagingServiceSid) {
    TwilioSettings settings = TwilioStub.settings(wm, fromNumber, messagingServiceSid);
    return new TwilioSmsSender(TwilioStub.client(settings), settings, TwilioStub.CALLBACKS);
  }

  @Test
  void postsTheMessageWithBasicAuthFromTheDealershipNumberAndAStatusCallback() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(CREATED));

    SendReceipt receipt = sender(null, null).send(MESSAGE);

    assertEquals(new SendReceipt("twilio", "SM0123456789abcdef0123456789abcdef"), receipt);
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH))
        .withBasicAuth(new BasicCredentials(TwilioStub.ACCOUNT_SID, TwilioStub.AUTH_TOKEN))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withFormParam("To", equalTo("+13125550123"))
        .withFormParam("From", equalTo(DEALER_NUMBER))
        .withFormParam("Body", equalTo(MESSAGE.text()))
        .withFormParam("StatusCallback",
            equalTo("https://leads.example-dealer.test/webhooks/twilio/status?leadId=42&touchId=7001"))
        .withFormParam("MessagingServiceSid", absent()));
    LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH))).get(0);
    assertEquals(List.of("Body", "From", "StatusCallback", "To"),
        request.getFormParameters().keySet().stream().sorted().toList(), "no other form fields");
  }

  @Test
  void theDealershipsMessagingServiceWinsOverItsNumberAndTheAccountDefaults() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withBody(CREATED));

    sender("+13125550999", "MGaccount0123456789abcdef01234567").send(new SmsMessage("+13125550123",
        DEALER_NUMBER, "Hi", "lead-42:3", 42L, 7001L, "MG0123456789abcdef0123456789abcdef"));

    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH))
        .withFormParam("MessagingServiceSid", equalTo("MG0123456789abcdef0123456789abcdef"))
        .withFormParam("From", absent())
        .withFormParam("To", equalTo("+13125550123")));
  }

  @Test
  void theAccountsMessagingServiceServesADealershipWithoutANumber() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withBody(CREATED));

    sender("+13125550999", "MGaccount0123456789abcdef01234567")
        .send(new SmsMessage("+13125550123", null, "Hi", "lead-42:3", 42L, 7001L));

    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH))
        .withFormParam("MessagingServiceSid", equalTo("MGaccount0123456789abcdef01234567"))
        .withFormParam("From", absent()));
  }

  @Test
  void theConfiguredNumberIsUsedWhenTheDealershipHasNone() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withBody(CREATED));

    sender("+13125550999", null).send(new SmsMessage("+13125550123", " ", "Hi", "lead-42:3", 42L, 7001L));

    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH)).withFormParam("From", equalTo("+13125550999")));
  }

  @ParameterizedTest(name = "Twilio {0} is permanent")
  @CsvSource({
      "21211, The 'To' number +13125550123 is not a valid phone number.",
      "21614, 'To' number is not a valid mobile number",
      "21610, Attempt to send to unsubscribed recipient",
      "21408, Permission to send an SMS has not been enabled for the region",
      "21612, The 'To' phone number is not currently reachable via SMS"})
  void recipientErrorsArePermanent(int code, String message) {
    TwilioStub.answerMessages(wm, TwilioStub.error(400, code, message));

    PermanentDeliveryException e = assertThrows(PermanentDeliveryException.class, () -> sender(null, null).send(MESSAGE));

    assertEquals(true, e.getMessage().contains(Integer.toString(code)), e.getMessage());
  }

  @ParameterizedTest(name = "HTTP {0} code {1} is transient and tried once")
  @CsvSource({
      "429, 20429, Too Many Requests",
      "503, 20003, Service Unavailable",
      "401, 20003, Authenticate",
      "400, 21606, The From phone number is not a valid SMS-capable number for your account"})
  void refusalsThatAreNotAboutTheRecipientMayBeRetried(int status, int code, String message) {
    TwilioStub.answerMessages(wm, TwilioStub.error(status, code, message));

    assertThrows(MessageNotSentException.class, () -> sender(null, null).send(MESSAGE));

    // One attempt: the SDK's own immediate re-POST on 5xx is turned off, Temporal retries with backoff.
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH)));
  }

  @ParameterizedTest(name = "HTTP {0} may come after Twilio took the text")
  @ValueSource(ints = {500, 502, 504})
  void aServerErrorLeavesTheOutcomeUnknown(int status) {
    TwilioStub.answerMessages(wm, aResponse().withStatus(status));

    assertThrows(ProviderOutcomeUnknownException.class, () -> sender(null, null).send(MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES_PATH)));
  }

  @Test
  void anUnreachableTwilioMeansNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TwilioSettings settings = new TwilioSettings(TwilioStub.ACCOUNT_SID, TwilioStub.AUTH_TOKEN, null, null,
        "http://127.0.0.1:" + closedPort);
    TwilioSmsSender sender = new TwilioSmsSender(TwilioStub.client(settings), settings, TwilioStub.CALLBACKS);

    assertThrows(MessageNotSentException.class, () -> sender.send(MESSAGE));
  }

  @Test
  void noAnswerInTimeLeavesTheOutcomeUnknown() {
    TwilioStub.answerMessages(wm, aResponse().withStatus(201).withBody(CREATED).withFixedDelay(1500));
    TwilioSettings settings = TwilioStub.settings(wm, null, null);
    TwilioSmsSender sender = new TwilioSmsSender(
        TwilioClients.create(settings, Duration.ofMillis(300)), settings, TwilioStub.CALLBACKS);

    RuntimeException e = assertThrows(RuntimeException.class, () -> sender.send(MESSAGE));

    // Twilio may have taken the message: not a MessageNotSentException, so a retry does not send again.
    assertInstanceOf(ProviderOutcomeUnknownException.class, e);
  }
}
