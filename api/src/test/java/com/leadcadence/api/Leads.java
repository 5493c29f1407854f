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
    // Unique per lead: the duplicate rule makes a second open lead with the same phone a DUPLICATE.
    lead.put("phone", "(312) 555-" + String.format("%04d", 5000 + SEQUENCE.get() % 5000));
    lead.put("timeframe", "WITHIN_7_DAYS");
    lead.put("vehicle", Map.of("year", 2024, "make", "Toyota", "model", "Camry"));
    lead.put("financing", true);
    return lead;
  }

  /**
   * An Etc/GMT zone where it is early afternoon right now, so that quiet hours never hold back a test's
   * calls or texts whatever the time of day the tests run.
   */
  static String afternoonZone() {
    int utcHour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;  // -12..+11 hours from UTC
    // Etc/GMT names have the sign the other way round: Etc/GMT-3 is three hours ahead of UTC.
    return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset);
  }

  /** A dealership open every hour of every day, so business hours never hold back a test's call task. */
  static com.leadcadence.store.DealershipSeed alwaysOpenDealership(String apiKey) {
    var demo = com.leadcadence.store.DemoDealership.SEED;
    return new com.leadcadence.store.DealershipSeed("Always Open Motors", "UTC", "MON-SUN 00:00-23:59", "",
        demo.senderName(), demo.senderEmail(), demo.senderPhone(), true, demo.firstPartySources(), null, apiKey,
        demo.agents());
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
