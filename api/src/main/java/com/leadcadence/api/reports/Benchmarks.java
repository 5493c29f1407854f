package com.leadcadence.api.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed article's figures beside the report's, keyed by the report's metric names. Figures the
 * article does not give (opt-out and bounce rates, call and voicemail response rates) are absent.
 */
final class Benchmarks {
  private Benchmarks() {}

  /** Contact rate: 40-50% is good (50% the target). */
  static final Benchmark CONTACT_RATE = Benchmark.range(0.40, 0.50).withTarget(0.50);
  /** Appointments: 30-40% of contacted leads (35% the target). */
  static final Benchmark APPOINTMENTS_OF_CONTACTED = Benchmark.range(0.30, 0.40).withTarget(0.35);

  static final Map<String, Object> FUNNEL = funnel();

  private static Map<String, Object> funnel() {
    Map<String, Object> benchmarks = new LinkedHashMap<>();
    benchmarks.put("firstResponseSeconds", Benchmark.target(300).basedOn(
        "5-minute rule; under 30 minutes (1800 s) acceptable; industry average 47 hours"));
    benchmarks.put("firstContactSeconds", Benchmark.target(300).basedOn("5-minute rule"));
    benchmarks.put("attemptedWithin5MinRate", Benchmark.target(1.0).basedOn(
        "every lead attempted within 5 minutes (5-minute rule)"));
    benchmarks.put("contactRate", CONTACT_RATE);
    // The article states appointments per contacted lead; per lead it is contact rate x that share.
    benchmarks.put("appointmentRate", Benchmark.range(
        round(CONTACT_RATE.low() * APPOINTMENTS_OF_CONTACTED.low()),
        round(CONTACT_RATE.high() * APPOINTMENTS_OF_CONTACTED.high()))
        .basedOn("derived: contact rate 40-50% x appointments 30-40% of contacted leads"));
    benchmarks.put("appointmentRateOfContacted", APPOINTMENTS_OF_CONTACTED.basedOn("contacted leads"));
    benchmarks.put("soldRate", Benchmark.range(0.05, 0.08).basedOn("overall lead-to-sale conversion"));
    benchmarks.put("attemptsPerLead", Benchmark.range(10, 15).basedOn(
        "high-performing BDC teams, over 30 days; 8-12 attempts before a typical lead is reached"));
    Map<String, Benchmark> channels = new LinkedHashMap<>();
    channels.put("EMAIL", Benchmark.range(0.22, 0.28).basedOn("email open rate"));
    channels.put("SMS", Benchmark.target(0.45).basedOn("text response rate"));
    benchmarks.put("responseRateByChannel", Collections.unmodifiableMap(channels));
    return Collections.unmodifiableMap(benchmarks);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
