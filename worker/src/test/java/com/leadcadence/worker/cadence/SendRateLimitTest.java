package com.leadcadence.worker.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.DealershipSeed;
import com.leadcadence.store.DemoDealership;
import com.leadcadence.store.testing.TestDatabase;
import com.leadcadence.worker.SendRates;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadContact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends are rate-limited per channel: many emails queued at once (a burst of leads, a catch-up) reach
 * the provider at the configured pace, measured by the provider stand-in's own clock.
 */
class SendRateLimitTest {
  private static final int LEADS = 16;
  private static final double EMAILS_PER_SECOND = 4;
  /** Scheduling noise between the pacer letting a send go and the stand-in noting it. */
  private static final long JITTER_MILLIS = 100;
  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static List<Long> offsets(List<Instant> at) {
    return at.stream().map(t -> Duration.between(at.get(0), t).toMillis()).toList();
  }

  @Test
  void emailsQueuedAtOnceReachTheProviderAtTheConfiguredRate() throws Exception {
    TimedProviderStandIn provider = new TimedProviderStandIn();
    DealershipSeed alwaysOpen = new DealershipSeed("Night Owl Motors", "UTC", "MON-SUN 00:00-23:59", "",
        "Night Owl Sales", "sales@night-owl.example", "+13125550100", true, "website", null,
        "night-owl-" + System.nanoTime(), DemoDealership.SEED.agents());
    try (CadenceHarness h = CadenceHarness.realTime(db, alwaysOpen, provider::standingIn,
        new SendRates(EMAILS_PER_SECOND, 50, 1))) {
      List<LeadCadenceInput> inputs = new ArrayList<>();
      for (int i = 0; i < LEADS; i++) {
        inputs.add(h.newLead(new LeadContact("Lee", "Number" + i, "lee" + i + "@example.com", null, "UTC"), 60,
            Set.of()));
      }
      inputs.forEach(h::start);   // every lead's acknowledgment is due at once

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (provider.arrivals.size() < LEADS && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<Instant> at = provider.arrivals.stream()
          .filter(a -> a.channel() == Channel.EMAIL).map(TimedProviderStandIn.Arrival::at).sorted().toList();
      assertEquals(LEADS, at.size(), "every acknowledgment arrived once: " + provider.arrivals);
      System.out.println("acknowledgments at the provider, ms after the first: " + offsets(at));
      // Never more than the rate in any second: each arrival comes at least a second after the one the rate
      // before it (less the scheduling noise of a loaded machine between the pacer and the stand-in).
      int rate = (int) EMAILS_PER_SECOND;
      for (int i = 0; i + rate < at.size(); i++) {
        Duration gap = Duration.between(at.get(i), at.get(i + rate));
        assertTrue(gap.compareTo(Duration.ofMillis(1000 - JITTER_MILLIS)) >= 0,
            "arrivals " + i + " and " + (i + rate) + " only " + gap.toMillis() + " ms apart: " + offsets(at));
      }
      Duration all = Duration.between(at.get(0), at.get(at.size() - 1));
      long paced = (long) ((LEADS - 1) / EMAILS_PER_SECOND * 1000);
      assertTrue(all.toMillis() >= paced - JITTER_MILLIS, "all " + LEADS + " within " + all + ": " + offsets(at));
    }
  }
}
