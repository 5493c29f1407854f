package com.leadcadence.api.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks the HTTP basic credentials of an inbound post against the configured pair, in constant time
 * (digests are compared, so neither content nor length leaks). Without a configured pair nothing passes.
 */
final class InboundCredentials {
  private final byte[] expected;

  InboundCredentials(String user, String password) {
    this.expected = isBlank(user) || isBlank(password) ? null : digest(user + ":" + password);
  }

  boolean accepts(String authorization) {
    if (expected == null || authorization == null) {
      return false;
    }
    String[] scheme = authorization.strip().split("\\s+", 2);
    if (scheme.length != 2 || !"basic".equalsIgnoreCase(scheme[0])) {
      return false;
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(scheme[1].strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(pair));
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
