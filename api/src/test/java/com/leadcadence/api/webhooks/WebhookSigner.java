package com.leadcadence.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way the providers do, written from their documentation rather than with our
 * verifiers, so a test fails if a verifier drifts from the real algorithm. Twilio: base64 HMAC-SHA1,
 * keyed by the auth token, of the URL followed by every POST field name and value in name order.
 * SendGrid: base64 DER ECDSA P-256 / SHA-256 of the timestamp header followed by the raw body.
 */
public final class WebhookSigner {
  private WebhookSigner() {}

  public static String twilio(String authToken, String url, Map<String, String> form) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh P-256 key pair, as SendGrid keeps for each account's signed event webhook. */
  public static KeyPair sendGridKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verification key as SendGrid's settings page shows it: base64 of the DER SubjectPublicKeyInfo. */
  public static String publicKey(KeyPair keys) {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  public static String sendGrid(KeyPair keys, String timestamp, byte[] body) {
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(keys.getPrivate());
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      return Base64.getEncoder().encodeToString(ecdsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
