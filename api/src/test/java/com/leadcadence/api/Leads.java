package com.leadcadence.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Intake bodies for tests and a bounded wait. */
final class Leads {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Leads() {}

  /** A complete, valid website lead with a unique external id; tests change or drop fields. */
  static Map<String, Object> valid() {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("source", "website");
    lead.put("externalId", "ext-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet());
    lead.put("firstName", "Jane");
    lead.put("lastName", "Doe");
    lead.put("email", "Jane.Doe" + SEQUENCE.get() + "@Example.com");
    lead.put("phone", "(312) 555-01" + String.format("%02d", SEQUENCE.get() % 100));
    lead.put("timeframe", "WITHIN_7_DAYS");
    lead.put("vehicle", Map.of("year", 2024, "make", "Toyota", "model", "Camry"));
    lead.put("financing", true);
    return lead;
  }

  static Map<String, Object> without(Map<String, Object> lead, String... fields) {
    Map<String, Object> copy = new LinkedHashMap<>(lead);
    for (String field : fields) {
      copy.remove(field);
    }
    return copy;
  }

  static Map<String, Object> with(Map<String, Object> lead, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(lead);
    copy.put(field, value);
    return copy;
  }

  /** Polls until the condition holds; fails the test after the timeout. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
