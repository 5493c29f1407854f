package com.leadcadence.workflows.model;

import java.time.Instant;
import java.util.Set;

/**
 * Everything the workflow needs, fixed at intake. blockedChannels: channels not to use from the start
 * (no address, no consent, opted out before). continuation (null on the first run): the state a
 * previous run of the lead's workflow handed over when it continued as new. continueAsNewAfterEvents
 * (null: only when Temporal suggests it): continue as new once the run's history has this many events,
 * for tests and for a deployment that wants shorter histories than the server's suggestion.
 */
public record LeadCadenceInput(
    long leadId,
    long dealershipId,
    String source,
    LeadContact contact,
    Vehicle vehicle,
    int score,
    Long assignedAgentId,
    Set<Channel> blockedChannels,
    DealershipSchedule schedule,
    CadencePlan plan,
    Instant receivedAt,
    CadenceContinuation continuation,
    Integer continueAsNewAfterEvents) {

  public LeadCadenceInput {
    blockedChannels = blockedChannels == null ? Set.of() : Set.copyOf(blockedChannels);
  }

  /** A first run, continuing as new only when Temporal suggests it. */
  public LeadCadenceInput(long leadId, long dealershipId, String source, LeadContact contact, Vehicle vehicle,
      int score, Long assignedAgentId, Set<Channel> blockedChannels, DealershipSchedule schedule, CadencePlan plan,
      Instant receivedAt) {
    this(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId, blockedChannels, schedule, plan,
        receivedAt, null, null);
  }

  public Grade grade() {
    return Grade.forScore(score);
  }

  /** The input of the next run: the same lead and plan, with the state this run hands over. */
  public LeadCadenceInput continuedWith(CadenceContinuation state) {
    return new LeadCadenceInput(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId,
        blockedChannels, schedule, plan, receivedAt, state, continueAsNewAfterEvents);
  }

  /** The same first run, continuing as new once its history has this many events (tests). */
  public LeadCadenceInput continuingAsNewAfter(int events) {
    return new LeadCadenceInput(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId,
        blockedChannels, schedule, plan, receivedAt, continuation, events);
  }
}
