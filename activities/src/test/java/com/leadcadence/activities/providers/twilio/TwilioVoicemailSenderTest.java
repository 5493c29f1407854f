package com.leadcadence.activities.providers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.leadcadence.activities.providers.ProviderOutcomeUnknownException;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Twilio SDK against a WireMock: the voicemail drop's Calls request (answering-machine
 * detection, callbacks, a silent hold), then what the voice callback does with the call.
 */
class TwilioVoicemailSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
  private static final VoicemailMessage MESSAGE = new VoicemailMessage(
      "+13125550123", "+13125550100", "Hi Jane, Sam from Lakeside Toyota & Sons <returning your call>.",
      "lead-42:9", 42L, 7009L);
  private static final String CALL_JSON = """
      {"sid": "%s", "account_sid": "%s", "status": "queued", "to": "+13125550123", "from": "+13125550100"}
      """.formatted(CALL_SID, TwilioStub.ACCOUNT_SID);

  private final TwilioSettings settings = TwilioStub.settings(wm, null, null);
  private final TwilioRestClient client = TwilioStub.client(settings);
  private final TwilioVoicemailSender sender = new TwilioVoicemailSender(client, settings, TwilioStub.CALLBACKS);
  private final TwilioCallControl control = new TwilioCallControl(client);

  @Test
  void placesACallWithAsyncMachineDetectionThatWaitsForTheGreetingToEnd() {
    TwilioStub.answerCalls(wm, aResponse().withStatus(201).withBody(CALL_JSON));

    SendReceipt receipt = sender.send(MESSAGE);

    assertEquals(new SendReceipt("twilio", CALL_SID), receipt);
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.CALLS_PATH))
        .withBasicAuth(new BasicCredentials(TwilioStub.ACCOUNT_SID, TwilioStub.AUTH_TOKEN))
        .withFormParam("To", equalTo("+13125550123"))
        .withFormParam("From", equalTo("+13125550100"))
        .withFormParam("MachineDetection", equalTo("DetectMessageEnd"))
        .withFormParam("MachineDetectionTimeout", equalTo("30"))
        .withFormParam("AsyncAmd", equalTo("true"))
        .withFormParam("AsyncAmdStatusCallback",
            equalTo("https://leads.example-dealer.test/webhooks/twilio/voice?leadId=42&touchId=7009"))
        .withFormParam("StatusCallback",
            equalTo("https://leads.example-dealer.test/webhooks/twilio/status?leadId=42&touchId=7009"))
        .withFormParam("Twiml", equalTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Pause length=\"60\"/><Hangup/></Response>")));
    LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo(TwilioStub.CALLS_PATH))).get(0);
    assertEquals(List.of("AsyncAmd", "AsyncAmdStatusCallback", "From", "MachineDetection",
            "MachineDetectionTimeout", "StatusCallback", "To", "Twiml"),
        request.getFormParameters().keySet().stream().sorted().toList());
    assertFalse(request.getBodyAsString().contains("Jane"), "a person who answers must not hear the message");
  }

  @Test
  void theMessageIsLeftOnlyWhenTheVoiceCallbackSaysAMachineGreetingEnded() {
    wm.stubFor(post(urlEqualTo(TwilioStub.callPath(CALL_SID))).willReturn(aResponse().withStatus(200)
        .withBody(CALL_JSON)));

    assertTrue(AnsweredBy.parse("machine_end_beep").canLeaveMessage());
    assertTrue(control.leaveMessage(CALL_SID, VoicemailContent.spoken(MESSAGE.script())));

    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.callPath(CALL_SID)))
        .withBasicAuth(new BasicCredentials(TwilioStub.ACCOUNT_SID, TwilioStub.AUTH_TOKEN))
        .withFormParam("Twiml", equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>"
            + "Hi Jane, Sam from Lakeside Toyota &amp; Sons &lt;returning your call&gt;.</Say><Hangup/></Response>")));
  }

  @Test
  void aRecordingIsPlayedInsteadOfASpokenScript() {
    wm.stubFor(post(urlEqualTo(TwilioStub.callPath(CALL_SID))).willReturn(aResponse().withStatus(200)
        .withBody(CALL_JSON)));

    control.leaveMessage(CALL_SID, VoicemailContent.recorded(URI.create("https://cdn.example.test/vm/intro.mp3")));

    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.callPath(CALL_SID)))
        .withFormParam("Twiml", equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Play>https://cdn.example.test/vm/intro.mp3</Play><Hangup/></Response>")));
  }

  @Test
  void hangingUpCompletesTheCallAndAnEndedCallIsNotAnError() {
    wm.stubFor(post(urlEqualTo(TwilioStub.callPath(CALL_SID))).willReturn(aResponse().withStatus(200)
        .withBody(CALL_JSON)));
    assertTrue(control.hangUp(CALL_SID));
    wm.verify(postRequestedFor(urlEqualTo(TwilioStub.callPath(CALL_SID))).withFormParam("Status", equalTo("completed")));

    wm.stubFor(post(urlEqualTo(TwilioStub.callPath(CALL_SID)))
        .willReturn(TwilioStub.error(400, 21220, "Call is not in-progress. Cannot redirect.")));
    assertFalse(control.leaveMessage(CALL_SID, VoicemailContent.spoken("Hi")));
  }

  @ParameterizedTest(name = "Twilio {0} is permanent for a call")
  @ValueSource(ints = {13224, 21211, 21215, 21216})
  void invalidOrForbiddenNumbersArePermanent(int code) {
    TwilioStub.answerCalls(wm, TwilioStub.error(400, code, "The phone number you are attempting to call is not valid."));

    assertThrows(PermanentDeliveryException.class, () -> sender.send(MESSAGE));
  }

  @ParameterizedTest(name = "HTTP {0} is transient for a call")
  @ValueSource(ints = {429, 503})
  void overloadMayBeRetried(int status) {
    TwilioStub.answerCalls(wm, TwilioStub.error(status, status == 429 ? 20429 : 20003, "Try again"));

    assertThrows(MessageNotSentException.class, () -> sender.send(MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.CALLS_PATH)));
  }

  @Test
  void aServerErrorLeavesTheCallsFateUnknown() {
    TwilioStub.answerCalls(wm, TwilioStub.error(500, 20500, "Internal Server Error"));

    assertThrows(ProviderOutcomeUnknownException.class, () -> sender.send(MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(TwilioStub.CALLS_PATH)));
  }

  @Test
  void answeredByValuesAreReadSafely() {
    assertTrue(AnsweredBy.parse("human").isHuman());
    assertFalse(AnsweredBy.parse("machine_start").canLeaveMessage());
    assertTrue(AnsweredBy.parse("MACHINE_END_SILENCE").canLeaveMessage());
    assertEquals(AnsweredBy.UNKNOWN, AnsweredBy.parse("something_new"));
    assertEquals(AnsweredBy.UNKNOWN, AnsweredBy.parse(null));
    assertFalse(AnsweredBy.parse("fax").canLeaveMessage());
  }
}
