package com.leadcadence.workflows.model;

import java.time.Instant;
import java.util.Set;

/**
 * Everything the workflow needs, fixed at intake. blockedChannels: channels not to use from the start
 * (no address, no consent, opted out before).
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
    Instant receivedAt) {

  public LeadCadenceInput {
    blockedChannels = blockedChannels == null ? Set.of() : Set.copyOf(blockedChannels);
  }

  public Grade grade() {
    return Grade.forScore(score);
  }
}
