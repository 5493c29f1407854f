package com.leadcadence.activities.providers.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadcadence.activities.providers.CallbackUrls;
import com.twilio.http.TwilioRestClient;
import java.time.Duration;

/** A WireMock standing in for api.twilio.com, with the test account's credentials and paths. */
final class TwilioStub {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "test-auth-token-0123456789";
  static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  static final CallbackUrls CALLBACKS = new CallbackUrls("https://leads.example-dealer.test/");

  private TwilioStub() {}

  static TwilioSettings settings(WireMockExtension wm, String fromNumber, String messagingServiceSid) {
    return new TwilioSettings(ACCOUNT_SID, AUTH_TOKEN, fromNumber, messagingServiceSid, wm.baseUrl());
  }

  static TwilioRestClient client(TwilioSettings settings) {
    return TwilioClients.create(settings, Duration.ofSeconds(2));
  }

  static String callPath(String callSid) {
    return "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json";
  }

  /** Twilio's error document, as its API answers a refused request. */
  static ResponseDefinitionBuilder error(int httpStatus, int code, String message) {
    return aResponse()
        .withStatus(httpStatus)
        .withHeader("Content-Type", "application/json")
        .withBody("""
            {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
            """.formatted(code, message, code, httpStatus));
  }

  static void answerMessages(WireMockExtension wm, ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(response));
  }

  static void answerCalls(WireMockExtension wm, ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlEqualTo(CALLS_PATH)).willReturn(response));
  }
}
