package com.leadcadence.activities.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadcadence.activities.providers.sendgrid.SendGridEmailSender;
import com.leadcadence.activities.providers.twilio.TwilioSmsSender;
import com.leadcadence.activities.providers.twilio.TwilioVoicemailSender;
import com.leadcadence.activities.senders.DryRunOutbox;
import com.leadcadence.activities.senders.DryRunSenders;
import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SmsMessage;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which senders a configuration gets, and that the environment's base-URL overrides reach the SDKs. */
class ProviderSendersTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  private static final SmsMessage SMS = new SmsMessage("+13125550123", "+13125550100", "Hi Jane", "lead-1:2", 1L, 2L);
  private static final EmailMessage EMAIL = new EmailMessage("jane.doe@example.com", "Sam", "sam@dealer.example",
      "Hello", "Hi Jane", "lead-1:0", 1L, 3L);

  private Map<String, String> liveEnvironment() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    Map<String, String> env = new HashMap<>();
    env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
    env.put("TWILIO_AUTH_TOKEN", "auth-token-0123");
    env.put("TWILIO_API_BASE_URL", wm.baseUrl());
    env.put("SENDGRID_API_KEY", "SG.key");
    env.put("SENDGRID_API_BASE_URL", wm.baseUrl());
    env.put("SENDGRID_WEBHOOK_PUBLIC_KEY",
        Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded()));
    env.put("SENDGRID_ASM_GROUP_ID", "17");
    env.put("SENDGRID_CATEGORIES", "lead-cadence, dealer-demo ,");
    env.put("PUBLIC_BASE_URL", "https://leads.example-dealer.test");
    return env;
  }

  @Test
  void withoutCredentialsEverythingIsDryRun() {
    DryRunOutbox outbox = new DryRunOutbox();
    ProviderSenders providers = ProviderSenders.create(
        ProviderSettings.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", "", "SENDGRID_API_KEY", " ")), outbox);

    assertFalse(providers.liveEmail());
    assertFalse(providers.liveTwilio());
    assertInstanceOf(DryRunSenders.class, providers.senders().email());
    assertInstanceOf(DryRunSenders.class, providers.senders().sms());
    assertInstanceOf(DryRunSenders.class, providers.senders().voicemail());
    assertTrue(providers.callControl().isEmpty());
    assertTrue(providers.twilioSignatures().isEmpty());
    assertTrue(providers.sendGridSignatures().isEmpty());

    assertEquals("dry-run", providers.senders().sms().send(SMS).provider());
    assertEquals(1, outbox.size());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void withCredentialsTheRealSendersReachTheConfiguredBaseUrls() throws Exception {
    wm.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
        .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMabc\", \"status\": \"queued\"}")));
    wm.stubFor(post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "m1")));
    DryRunOutbox outbox = new DryRunOutbox();

    ProviderSenders providers = ProviderSenders.create(ProviderSettings.fromEnvironment(liveEnvironment()), outbox);

    assertTrue(providers.liveEmail());
    assertTrue(providers.liveTwilio());
    assertInstanceOf(SendGridEmailSender.class, providers.senders().email());
    assertInstanceOf(TwilioSmsSender.class, providers.senders().sms());
    assertInstanceOf(TwilioVoicemailSender.class, providers.senders().voicemail());
    assertTrue(providers.callControl().isPresent());
    assertTrue(providers.twilioSignatures().isPresent());
    assertTrue(providers.sendGridSignatures().isPresent());

    assertEquals(new SendReceipt("twilio", "SMabc"), providers.senders().sms().send(SMS));
    assertEquals(new SendReceipt("sendgrid", "m1"), providers.senders().email().send(EMAIL));
    assertEquals(0, outbox.size());
    wm.verify(postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(
        matchingJsonPath("$.asm.group_id", equalTo("17"))));
    wm.verify(postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(
        equalToJson(
            "{\"categories\": [\"lead-cadence\", \"dealer-demo\"]}", true, true)));
  }

  @Test
  void twilioWithoutAPublicBaseUrlFailsAtStartup() throws Exception {
    Map<String, String> env = liveEnvironment();
    env.remove("PUBLIC_BASE_URL");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ProviderSenders.create(ProviderSettings.fromEnvironment(env), new DryRunOutbox()));
    assertTrue(e.getMessage().contains("PUBLIC_BASE_URL"));
  }

  @Test
  void settingsNeverPrintSecrets() throws Exception {
    String printed = ProviderSettings.fromEnvironment(liveEnvironment()).toString();

    assertFalse(printed.contains("auth-token-0123"), printed);
    assertFalse(printed.contains("SG.key"), printed);
    assertTrue(printed.contains(ACCOUNT_SID), "the account SID is not a secret and helps operators");
  }

  @Test
  void callbackUrlsDropATrailingSlashAndRefuseARelativeBase() {
    CallbackUrls urls = new CallbackUrls("https://leads.example-dealer.test/base/");
    assertEquals("https://leads.example-dealer.test/base/webhooks/twilio/status", urls.twilioStatus());
    assertEquals("https://leads.example-dealer.test/base/webhooks/twilio/voice", urls.twilioVoice());
    assertEquals("https://leads.example-dealer.test/base/webhooks/twilio/sms", urls.twilioInboundSms());
    assertEquals("https://leads.example-dealer.test/base/webhooks/sendgrid/events", urls.sendGridEvents());
    assertThrows(IllegalArgumentException.class, () -> new CallbackUrls("/relative"));
  }

  @Test
  void fromEnvironmentReadsTheDocumentedNames() throws Exception {
    ProviderSettings settings = ProviderSettings.fromEnvironment(liveEnvironment());

    assertEquals(17, settings.sendGrid().asmGroupId());
    assertEquals(List.of("lead-cadence", "dealer-demo"), settings.sendGrid().categories());
    assertEquals(wm.baseUrl(), settings.twilio().apiBaseUrl());
    assertEquals(ProviderSettings.DEFAULT_TIMEOUT, settings.timeout());
  }
}
