package com.leadcadence.activities.providers.sendgrid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signatures made here the way SendGrid makes them: ECDSA P-256 with SHA-256 over timestamp + raw body,
 * base64 DER; the verifier gets the public key as SendGrid shows it (base64 DER SubjectPublicKeyInfo).
 */
class SendGridSignatureVerifierTest {
  private static final String TIMESTAMP = "1735732800";
  private static final byte[] BODY = """
      [{"email":"jane.doe@example.com","timestamp":1735732790,"event":"open","sg_event_id":"ZGVsaXZlcmVk",\
      "sg_message_id":"W8d3bQ5kQkG0xYz1aBcDeF.filter0001","lead_id":"42","touch_id":"7000"}]
      """.getBytes(StandardCharsets.UTF_8);

  private static KeyPair sendGridKeys;
  private static KeyPair otherKeys;
  private static SendGridSignatureVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    sendGridKeys = p256();
    otherKeys = p256();
    verifier = new SendGridSignatureVerifier(Base64.getEncoder().encodeToString(sendGridKeys.getPublic().getEncoded()));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static String sign(PrivateKey key, String timestamp, byte[] body) throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initSign(key);
    ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
    ecdsa.update(body);
    return Base64.getEncoder().encodeToString(ecdsa.sign());
  }

  @Test
  void acceptsSendGridSignature() throws Exception {
    assertTrue(verifier.verify(BODY, sign(sendGridKeys.getPrivate(), TIMESTAMP, BODY), TIMESTAMP));
  }

  @Test
  void rejectsATamperedBodyOrTimestamp() throws Exception {
    String signature = sign(sendGridKeys.getPrivate(), TIMESTAMP, BODY);
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"open\"", "\"click\"")
        .getBytes(StandardCharsets.UTF_8);

    assertFalse(verifier.verify(tampered, signature, TIMESTAMP));
    assertFalse(verifier.verify(BODY, signature, "1735732801"));
  }

  @Test
  void rejectsAnotherKeysSignature() throws Exception {
    assertFalse(verifier.verify(BODY, sign(otherKeys.getPrivate(), TIMESTAMP, BODY), TIMESTAMP));
  }

  @Test
  void rejectsMissingOrMalformedSignatures() {
    assertFalse(verifier.verify(BODY, null, TIMESTAMP));
    assertFalse(verifier.verify(BODY, "", TIMESTAMP));
    assertFalse(verifier.verify(BODY, "%%% not base64 %%%", TIMESTAMP));
    assertFalse(verifier.verify(BODY, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), TIMESTAMP));
    assertFalse(verifier.verify(BODY, "MEUCIQ==", null));
  }

  @Test
  void refusesAKeyThatIsNotAnEcPublicKeyAtStartup() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> new SendGridSignatureVerifier("bm90IGEga2V5"));
    assertThrows(IllegalArgumentException.class, () -> new SendGridSignatureVerifier(""));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
    assertThrows(IllegalArgumentException.class, () -> new SendGridSignatureVerifier(rsaKey));
  }
}
