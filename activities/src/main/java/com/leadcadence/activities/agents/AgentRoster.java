package com.leadcadence.activities.agents;

import com.leadcadence.store.rows.AgentLoad;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.schedule.BusinessCalendar;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who gets the next lead or task, decided from the agents alone (no I/O). Round robin among agents who
 * are available, on shift now and under their cap: the least recently assigned goes first, so over time
 * every agent on shift gets the same share. With nobody on shift, the agent whose shift starts first
 * (the managers should hear of it). Shifts are in the dealership's zone; no shift means the dealership's
 * hours. Nobody is on shift on the dealership's holidays.
 */
public final class AgentRoster {
  private static final Comparator<AgentRow> ROUND_ROBIN = Comparator
      .comparing(AgentRow::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingLong(AgentRow::id);

  private final DealershipSchedule dealershipHours;

  public AgentRoster(DealershipSchedule dealershipHours) {
    this.dealershipHours = dealershipHours;
  }

  /** The choice, and whether the agent is on shift now (false: they start at startsAt). */
  public record Pick(AgentRow agent, boolean onShift, Instant startsAt) {}

  /** Empty when no agent is available and under their cap. excludedAgentId (nullable) is never picked. */
  public Optional<Pick> pick(List<AgentLoad> loads, Instant now, Long excludedAgentId) {
    List<AgentRow> candidates = loads.stream()
        .filter(l -> l.agent().available() && l.openTasks() < l.agent().maxOpenTasks())
        .map(AgentLoad::agent)
        .filter(a -> excludedAgentId == null || a.id() != excludedAgentId)
        .toList();
    Optional<AgentRow> onShift = candidates.stream().filter(a -> isOnShift(a, now)).min(ROUND_ROBIN);
    if (onShift.isPresent()) {
      return Optional.of(new Pick(onShift.get(), true, now));
    }
    return candidates.stream()
        .flatMap(a -> shiftOf(a).openAtOrAfter(now).map(start -> new Pick(a, false, start)).stream())
        .min(Comparator.comparing(Pick::startsAt).thenComparing(Pick::agent, ROUND_ROBIN));
  }

  public boolean isOnShift(AgentRow agent, Instant at) {
    return shiftOf(agent).isOpen(at);
  }

  private BusinessCalendar shiftOf(AgentRow agent) {
    if (agent.shiftHours() == null || agent.shiftHours().isBlank()) {
      return new BusinessCalendar(dealershipHours);
    }
    return new BusinessCalendar(
        new DealershipSchedule(dealershipHours.timeZone(), BusinessHoursFormat.parse(agent.shiftHours()),
            dealershipHours.holidays()));
  }
}
