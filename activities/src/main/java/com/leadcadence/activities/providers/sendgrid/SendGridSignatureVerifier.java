package com.leadcadence.activities.providers.sendgrid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Checks SendGrid's signed event webhook: an ECDSA P-256 / SHA-256 signature (base64, DER) over the
 * timestamp header followed by the raw request body, under the verification key SendGrid shows (base64
 * DER, SubjectPublicKeyInfo). The body must be the bytes as received: re-serialised JSON does not verify.
 * Uses the JDK's own EC support; SendGrid's EventWebhook helper would need BouncyCastle.
 */
public final class SendGridSignatureVerifier {
  public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
  public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

  private final PublicKey publicKey;

  /** Fails at startup on a key that is not an EC public key, rather than rejecting every event later. */
  public SendGridSignatureVerifier(String base64DerPublicKey) {
    if (base64DerPublicKey == null || base64DerPublicKey.isBlank()) {
      throw new IllegalArgumentException("SENDGRID_WEBHOOK_PUBLIC_KEY is required to verify events");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64DerPublicKey.strip());
      this.publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 DER EC public key", e);
    }
    if (!(publicKey instanceof ECPublicKey)) {
      throw new IllegalArgumentException("SENDGRID_WEBHOOK_PUBLIC_KEY is not an EC public key");
    }
  }

  /** False for a missing, malformed or wrong signature or timestamp. */
  public boolean verify(byte[] rawBody, String signature, String timestamp) {
    if (rawBody == null || signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return false;
    }
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(publicKey);
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(rawBody);
      return ecdsa.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // Not base64, or not a DER signature: as untrusted as a wrong one.
      return false;
    }
  }
}
