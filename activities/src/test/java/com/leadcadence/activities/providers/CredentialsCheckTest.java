package com.leadcadence.activities.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadcadence.activities.providers.sendgrid.SendGridSettings;
import com.leadcadence.activities.providers.twilio.TwilioSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The providers' credential checks against WireMock: what each answer means, and the one-minute cache. */
class CredentialsCheckTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "SG.test-key.0123456789";
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final String ACCOUNT = "/2010-04-01/Accounts/" + SID + ".json";

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  private CredentialsCheck sendGrid() {
    return CredentialsCheck.sendGrid(new SendGridSettings(KEY, null, null, List.of(), wm.baseUrl()), clock);
  }

  private CredentialsCheck twilio() {
    return CredentialsCheck.twilio(new TwilioSettings(SID, "token-1", null, null, wm.baseUrl()), clock);
  }

  @Test
  void sendGridKeyWithMailSendIsHealthyAndAskedOncePerMinute() {
    wm.stubFor(get(urlEqualTo("/v3/scopes")).willReturn(aResponse().withStatus(200)
        .withBody("{\"scopes\":[\"mail.send\",\"suppression.read\"]}")));
    CredentialsCheck check = sendGrid();
    assertTrue(check.check().healthy(), check.check().message());
    now.set(now.get().plusSeconds(30));
    check.check();
    wm.verify(1, getRequestedFor(urlEqualTo("/v3/scopes")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    now.set(now.get().plus(CredentialsCheck.CACHE_FOR));
    check.check();
    wm.verify(2, getRequestedFor(urlEqualTo("/v3/scopes")));
  }

  @Test
  void sendGridRefusedKeyOrMissingScopeIsUnhealthyWithoutTheKeyInTheMessage() {
    wm.stubFor(get(urlEqualTo("/v3/scopes")).willReturn(aResponse().withStatus(401).withBody("{}")));
    CredentialsCheck.Result refused = sendGrid().check();
    assertFalse(refused.healthy());
    assertTrue(refused.message().contains("refused"), refused.message());
    assertFalse(refused.message().contains(KEY));

    wm.stubFor(get(urlEqualTo("/v3/scopes")).willReturn(aResponse().withStatus(200)
        .withBody("{\"scopes\":[\"stats.read\"]}")));
    CredentialsCheck.Result narrow = sendGrid().check();
    assertFalse(narrow.healthy());
    assertTrue(narrow.message().contains("mail.send"), narrow.message());
  }

  @Test
  void twilioActiveAccountIsHealthySuspendedOrRefusedIsNot() {
    String basic = "Basic " + Base64.getEncoder().encodeToString((SID + ":token-1").getBytes());
    wm.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(200)
        .withBody("{\"sid\":\"" + SID + "\",\"status\": \"active\"}")));
    assertTrue(twilio().check().healthy());
    wm.verify(getRequestedFor(urlEqualTo(ACCOUNT)).withHeader("Authorization", equalTo(basic)));

    wm.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(200)
        .withBody("{\"sid\":\"" + SID + "\",\"status\":\"suspended\"}")));
    assertFalse(twilio().check().healthy());

    wm.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(401).withBody("{\"code\":20003}")));
    CredentialsCheck.Result refused = twilio().check();
    assertFalse(refused.healthy());
    assertFalse(refused.message().contains("token-1"));
  }

  @Test
  void anUnreachableProviderIsUnhealthy() {
    CredentialsCheck check = CredentialsCheck.twilio(
        new TwilioSettings(SID, "token-1", null, null, "http://127.0.0.1:1"), clock);
    CredentialsCheck.Result result = check.check();
    assertFalse(result.healthy());
    assertEquals("twilio", check.provider());
    assertTrue(result.message().contains("did not answer"), result.message());
  }
}
