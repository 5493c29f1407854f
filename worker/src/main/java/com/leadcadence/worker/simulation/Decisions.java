package com.leadcadence.worker.simulation;

import java.util.SplittableRandom;

/**
 * The simulation's dice. Each throw depends only on the seed, the lead, the step and what is decided, never
 * on the order in which worker threads happen to run, so the same seed gives the same month.
 */
final class Decisions {
  private final long seed;

  Decisions(long seed) {
    this.seed = seed;
  }

  /** True with the given probability, the same answer every time for the same question. */
  boolean happens(double probability, long leadId, String stepId, String what) {
    return probability > 0 && uniform(leadId, stepId, what) < probability;
  }

  double uniform(long leadId, String stepId, String what) {
    long h = seed;
    h = h * 31 + leadId;
    h = h * 31 + stepId.hashCode();
    h = h * 31 + what.hashCode();
    return new SplittableRandom(h).nextDouble();
  }
}
