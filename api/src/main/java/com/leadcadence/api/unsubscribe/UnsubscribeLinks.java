package com.leadcadence.api.unsubscribe;

import com.leadcadence.activities.templates.UnsubscribeUrls;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A lead's unsubscribe link: {@code <base>/unsubscribe/<leadId>.<base64url(HMAC-SHA256(secret,
 * "unsubscribe:" + leadId))>}. The token is its own authorisation (the reader of the email has no API
 * key), so only someone who holds the secret can make one, and one lead's token says nothing of another's.
 */
public final class UnsubscribeLinks implements UnsubscribeUrls {
  public static final String PATH = "/unsubscribe/";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Supplier<String> baseUrl;

  /** baseUrl is asked per link: in dev it is the API's port, known only once the server listens. */
  public UnsubscribeLinks(String secret, Supplier<String> baseUrl) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the unsubscribe secret is blank");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.baseUrl = baseUrl;
  }

  public String token(long leadId) {
    return leadId + "." + BASE64URL.encodeToString(signature(leadId));
  }

  public String urlFor(long leadId) {
    String base = baseUrl.get();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + token(leadId);
  }

  @Override
  public String forLead(long leadId) {
    return urlFor(leadId);
  }

  /** The lead a token was made for; empty for anything not made with this secret. */
  public OptionalLong verify(String token) {
    if (token == null) {
      return OptionalLong.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || !token.substring(0, dot).matches("[1-9][0-9]{0,18}")) {
      return OptionalLong.empty();
    }
    long leadId;
    byte[] given;
    try {
      leadId = Long.parseLong(token.substring(0, dot));
      given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    // Constant time: a timing difference would let a forger find the signature byte by byte.
    return MessageDigest.isEqual(given, signature(leadId)) ? OptionalLong.of(leadId) : OptionalLong.empty();
  }

  private byte[] signature(long leadId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(("unsubscribe:" + leadId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
