package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One plan's month over the simulated leads, counting what happened within days of each lead's arrival
 * (refusals at any time). Rates are shares of all leads (0..1); times to first contact
 * are in minutes (nearest-rank percentiles over the contacted leads, null when none was contacted);
 * contactByDay[d] is the share of leads contacted within d days of arriving.
 */
public record PlanOutcome(
    String plan,
    int leads,
    int contacted,
    int appointments,
    Double medianMinutesToContact,
    Double p90MinutesToContact,
    Map<Channel, Integer> touchesByChannel,
    int optOuts,
    int quietHourRefusals,
    int consentRefusals,
    int skippedStale,
    int failed,
    int managerAlerts,
    double[] contactByDay) {

  public double contactRate() {
    return leads == 0 ? 0 : (double) contacted / leads;
  }

  public double appointmentRate() {
    return leads == 0 ? 0 : (double) appointments / leads;
  }

  public int touches() {
    return touchesByChannel.values().stream().mapToInt(Integer::intValue).sum();
  }

  static PlanOutcome of(String plan, List<SimulatedLead> leads, SimulationLedger ledger, int days) {
    Duration horizon = Duration.ofDays(days);
    Map<Channel, Integer> touches = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      touches.put(c, 0);
    }
    List<Double> minutes = new ArrayList<>();
    int[] newlyContactedOnDay = new int[days + 1];
    int contacted = 0;
    int appointments = 0;
    int optOuts = 0;
    int quiet = 0;
    int consent = 0;
    int stale = 0;
    int failed = 0;
    int alerts = 0;
    for (SimulatedLead lead : leads) {
      SimulationLedger.LeadTally t = ledger.lead(lead.id());
      synchronized (t) {
        Instant until = lead.receivedAt().plus(horizon);
        for (SimulationLedger.Touch touch : t.touches) {
          if (!touch.at().isAfter(until)) {
            touches.merge(touch.channel(), 1, Integer::sum);
          }
        }
        if (t.firstContact != null) {
          Duration after = Duration.between(lead.receivedAt(), t.firstContact);
          if (after.compareTo(horizon) <= 0) {
            contacted++;
            appointments += t.appointment ? 1 : 0;
            minutes.add(after.toSeconds() / 60.0);
            newlyContactedOnDay[(int) Math.min(days, after.toDays())]++;
          }
        }
        optOuts += t.optedOut.values().stream().anyMatch(at -> !at.isAfter(until)) ? 1 : 0;
        quiet += t.quietHourRefusals;
        consent += t.consentRefusals;
        stale += t.skippedStale;
        failed += t.failed;
        alerts += t.managerAlerts;
      }
    }
    minutes.sort(null);
    double[] byDay = new double[days + 1];
    int running = 0;
    for (int d = 0; d <= days; d++) {
      running += newlyContactedOnDay[d];
      byDay[d] = leads.isEmpty() ? 0 : (double) running / leads.size();
    }
    return new PlanOutcome(plan, leads.size(), contacted, appointments, percentile(minutes, 50),
        percentile(minutes, 90), Map.copyOf(touches), optOuts, quiet, consent, stale, failed, alerts, byDay);
  }

  /** Nearest rank: the smallest value with at least p % of the values at or below it. */
  static Double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
