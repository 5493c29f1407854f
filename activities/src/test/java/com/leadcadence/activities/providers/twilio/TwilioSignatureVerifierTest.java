package com.leadcadence.activities.providers.twilio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures computed here the way Twilio computes them: HMAC-SHA1(url + sorted key/value pairs), base64. */
class TwilioSignatureVerifierTest {
  private static final String TOKEN = "12345678901234567890123456789012";
  private static final String URL = "https://leads.example-dealer.test/webhooks/twilio/sms";
  private static final Map<String, String> INBOUND = Map.of(
      "MessageSid", "SM0123456789abcdef0123456789abcdef",
      "AccountSid", "AC0123456789abcdef0123456789abcdef",
      "From", "+13125550123",
      "To", "+13125550100",
      "Body", "STOP");

  private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(TOKEN);

  static String twilioSignature(String token, String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsTwilioSignature() throws Exception {
    assertTrue(verifier.verify(URL, INBOUND, twilioSignature(TOKEN, URL, INBOUND)));
  }

  @Test
  void acceptsASignedCallbackUrlWithItsQuery() throws Exception {
    String url = "https://leads.example-dealer.test/webhooks/twilio/status?leadId=42&touchId=7001";
    Map<String, String> status = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");
    assertTrue(verifier.verify(url, status, twilioSignature(TOKEN, url, status)));
    assertFalse(verifier.verify(url.replace("7001", "7002"), status, twilioSignature(TOKEN, url, status)));
  }

  @Test
  void rejectsATamperedFieldAnotherTokenOrAnotherUrl() throws Exception {
    String signature = twilioSignature(TOKEN, URL, INBOUND);
    Map<String, String> tampered = new TreeMap<>(INBOUND);
    tampered.put("Body", "START");

    assertFalse(verifier.verify(URL, tampered, signature));
    assertFalse(verifier.verify(URL, INBOUND, twilioSignature("another-token-0000000000000000", URL, INBOUND)));
    assertFalse(verifier.verify(URL.replace("/sms", "/status"), INBOUND, signature));
  }

  @Test
  void rejectsAMissingOrGarbageSignature() {
    assertFalse(verifier.verify(URL, INBOUND, null));
    assertFalse(verifier.verify(URL, INBOUND, ""));
    assertFalse(verifier.verify(URL, INBOUND, "not-a-signature"));
  }

  @Test
  void multiValuedFormsVerifyWhenEachFieldIsSingleAndAreRefusedOtherwise() throws Exception {
    String signature = twilioSignature(TOKEN, URL, Map.of("Body", "Yes", "From", "+13125550123"));
    assertTrue(verifier.verifyMultiValued(URL, Map.of("Body", List.of("Yes"), "From", List.of("+13125550123")),
        signature));
    assertFalse(verifier.verifyMultiValued(URL, Map.of("Body", List.of("Yes", "No"), "From", List.of("+13125550123")),
        signature));
  }

  @Test
  void needsAToken() {
    assertThrows(IllegalArgumentException.class, () -> new TwilioSignatureVerifier(" "));
  }
}
