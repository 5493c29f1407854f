package com.leadcadence.api.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the seed article (docs: "Reports") gives for one figure: a range (low..high), a target, or both,
 * in the figure's own unit (rates 0..1, seconds, attempts); basis says what it is measured against when
 * that differs from the report's figure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benchmark(Double low, Double high, Double target, String basis, String source) {
  static final String SEED_ARTICLE = "seed article";

  static Benchmark range(double low, double high) {
    return new Benchmark(low, high, null, null, SEED_ARTICLE);
  }

  static Benchmark target(double target) {
    return new Benchmark(null, null, target, null, SEED_ARTICLE);
  }

  Benchmark withTarget(double value) {
    return new Benchmark(low, high, value, basis, source);
  }

  Benchmark basedOn(String what) {
    return new Benchmark(low, high, target, what, source);
  }
}
