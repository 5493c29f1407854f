package com.leadcadence.workflows.plan;

import com.leadcadence.workflows.model.TemplateVariant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Which A/B variant of a step a lead gets: no randomness, so every retry, replay, worker and JVM picks the
 * same one. The first 8 bytes of SHA-256("leadId:stepId"), unsigned, modulo the sum of the weights, fall into
 * one variant's share (variants in plan order, each as wide as its weight). Hashing the step id too means a
 * lead's variant at one step says nothing about its variant at another.
 */
public final class VariantChoice {
  private VariantChoice() {}

  /** The variant lead {@code leadId} gets at step {@code stepId} (variants: at least one, weights above 0). */
  public static TemplateVariant of(long leadId, String stepId, List<TemplateVariant> variants) {
    if (variants == null || variants.isEmpty()) {
      throw new IllegalArgumentException("step " + stepId + " has no variants");
    }
    long total = variants.stream().mapToLong(TemplateVariant::weight).sum();
    long point = Long.remainderUnsigned(hash(leadId + ":" + stepId), total);
    for (TemplateVariant v : variants) {
      point -= v.weight();
      if (point < 0) {
        return v;
      }
    }
    throw new IllegalStateException("unreachable: the point lies below the sum of the weights");
  }

  private static long hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
