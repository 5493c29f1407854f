package com.leadcadence.workflows.plan;

import com.leadcadence.workflows.model.TemplateVariant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which A/B variant of a step a lead gets: no randomness, so every retry, replay, worker and JVM picks the
 * same one. The first 8 bytes of SHA-256(key), unsigned, modulo the sum of the weights, fall into one option's
 * share (options in plan order, each as wide as its weight). A template variant's key is "leadId:stepId";
 * hashing the step id too means a lead's variant at one step says nothing about its variant at another.
 * Timing variants ({@link StepTimings}) use "leadId:stepId:timing", so that on a step with both kinds the
 * template a lead gets says nothing about its timing (with one key, a 1:1 template split and a 1:1 timing
 * split would pair A with the first timing and B with the second for every lead).
 */
public final class VariantChoice {
  private VariantChoice() {}

  /** The variant lead {@code leadId} gets at step {@code stepId} (variants: at least one, weights above 0). */
  public static TemplateVariant of(long leadId, String stepId, List<TemplateVariant> variants) {
    return pick(leadId + ":" + stepId, stepId, variants, TemplateVariant::weight);
  }

  /**
   * The option whose share the hash of {@code key} falls into (options: at least one, weights above 0);
   * stepId only names the step in an error.
   */
  public static <T> T pick(String key, String stepId, List<T> options, ToIntFunction<T> weight) {
    if (options == null || options.isEmpty()) {
      throw new IllegalArgumentException("step " + stepId + " has no variants");
    }
    long total = options.stream().mapToLong(weight::applyAsInt).sum();
    long point = Long.remainderUnsigned(hash(key), total);
    for (T option : options) {
      point -= weight.applyAsInt(option);
      if (point < 0) {
        return option;
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
