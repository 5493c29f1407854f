package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.model.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What happened to each simulated lead, written by the in-memory activities on the worker's threads and read
 * once the month is over.
 */
final class SimulationLedger {
  /** One lead's month. Guarded by its own monitor: activities of one lead may overlap. */
  static final class LeadTally {
    final List<Touch> touches = new ArrayList<>();
    final Map<Channel, Instant> optedOut = new EnumMap<>(Channel.class);
    Instant firstContact;
    boolean appointment;
    int quietHourRefusals;
    int consentRefusals;
    int skippedStale;
    int failed;
    int managerAlerts;

    synchronized boolean optedOutOf(Channel channel) {
      return optedOut.containsKey(channel);
    }
  }

  /** A touch that went out (the simulated provider took it). */
  record Touch(Channel channel, Instant at) {}

  private final Map<Long, LeadTally> leads = new ConcurrentHashMap<>();

  LeadTally lead(long leadId) {
    return leads.computeIfAbsent(leadId, id -> new LeadTally());
  }

  void touched(long leadId, Channel channel, Instant at) {
    update(leadId, t -> t.touches.add(new Touch(channel, at)));
  }

  /** The first contact counts; a later one (the workflow had already stopped) does not move it. */
  void contacted(long leadId, Instant at, boolean appointment) {
    update(leadId, t -> {
      if (t.firstContact == null || at.isBefore(t.firstContact)) {
        t.firstContact = at;
        t.appointment = appointment;
      }
    });
  }

  void optedOut(long leadId, Channel channel, Instant at) {
    update(leadId, t -> {
      t.optedOut.putIfAbsent(channel, at);
      if (channel == Channel.CALL) {
        t.optedOut.putIfAbsent(Channel.VOICEMAIL, at);
      }
    });
  }

  void quietHourRefusal(long leadId) {
    update(leadId, t -> t.quietHourRefusals++);
  }

  void consentRefusal(long leadId) {
    update(leadId, t -> t.consentRefusals++);
  }

  void skippedStale(long leadId) {
    update(leadId, t -> t.skippedStale++);
  }

  void failed(long leadId) {
    update(leadId, t -> t.failed++);
  }

  void managerAlerted(long leadId) {
    update(leadId, t -> t.managerAlerts++);
  }

  private void update(long leadId, Consumer<LeadTally> change) {
    LeadTally t = lead(leadId);
    synchronized (t) {
      change.accept(t);
    }
  }

  Map<Long, LeadTally> all() {
    return leads;
  }
}
