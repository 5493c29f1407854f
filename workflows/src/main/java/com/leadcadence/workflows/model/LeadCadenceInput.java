package com.leadcadence.workflows.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything the workflow needs, fixed at intake. blockedChannels: channels not to use from the start
 * (no address, no consent, opted out before). continuation (null on the first run): the state a
 * previous run of the lead's workflow handed over when it continued as new. continueAsNewAfterEvents
 * (null: only when Temporal suggests it): continue as new once the run's history has this many events,
 * for tests and for a deployment that wants shorter histories than the server's suggestion.
 * gradePlans (null: the lead keeps its plan whatever its grade; every input from before grade changes): the
 * plan the lead follows in each grade, so that a grade change moves the rest of its cadence to that plan.
 * plan is the one it runs now: after a switch, a continued run's input carries the plan it switched to.
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
    Integer continueAsNewAfterEvents,
    Map<Grade, CadencePlan> gradePlans) {

  public LeadCadenceInput {
    blockedChannels = blockedChannels == null ? Set.of() : Set.copyOf(blockedChannels);
    gradePlans = gradePlans == null ? null : Map.copyOf(gradePlans);
  }

  public LeadCadenceInput(long leadId, long dealershipId, String source, LeadContact contact, Vehicle vehicle,
      int score, Long assignedAgentId, Set<Channel> blockedChannels, DealershipSchedule schedule, CadencePlan plan,
      Instant receivedAt, CadenceContinuation continuation, Integer continueAsNewAfterEvents) {
    this(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId, blockedChannels, schedule, plan,
        receivedAt, continuation, continueAsNewAfterEvents, null);
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

  /** The input of the next run: the same lead, the plan it runs now, and the state this run hands over. */
  public LeadCadenceInput continuedWith(CadenceContinuation state, CadencePlan current) {
    return new LeadCadenceInput(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId,
        blockedChannels, schedule, current, receivedAt, state, continueAsNewAfterEvents, gradePlans);
  }

  /** The same first run, following the plan of each grade the lead moves into. */
  public LeadCadenceInput followingGrades(Map<Grade, CadencePlan> plansByGrade) {
    return new LeadCadenceInput(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId,
        blockedChannels, schedule, plan, receivedAt, continuation, continueAsNewAfterEvents, plansByGrade);
  }

  /** The same first run, continuing as new once its history has this many events (tests). */
  public LeadCadenceInput continuingAsNewAfter(int events) {
    return new LeadCadenceInput(leadId, dealershipId, source, contact, vehicle, score, assignedAgentId,
        blockedChannels, schedule, plan, receivedAt, continuation, events, gradePlans);
  }
}
