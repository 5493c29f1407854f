package com.leadcadence.activities.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.store.rows.AgentLoad;
import com.leadcadence.store.rows.AgentNotify;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.schedule.BusinessHoursFormat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRosterTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final DealershipSchedule HOURS =
      new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SAT 09:00-20:00"));
  /** A Wednesday 11:00 in Chicago. */
  private static final Instant WEDNESDAY_11 = ZonedDateTime.of(2026, 12, 2, 11, 0, 0, 0, CHICAGO).toInstant();
  private final AgentRoster roster = new AgentRoster(HOURS);

  @Test
  void roundRobinIsFairOverTimeAmongAgentsOnShift() {
    List<AgentRow> team = new ArrayList<>(List.of(agent(1, null, 10, true), agent(2, null, 10, true),
        agent(3, null, 10, true)));
    Map<Long, Integer> shares = new HashMap<>();
    Instant now = WEDNESDAY_11;
    for (int n = 0; n < 300; n++) {
      final int lead = n;
      AgentRow chosen = roster.pick(loads(team, 0), now, null).orElseThrow().agent();
      shares.merge(chosen.id(), 1, Integer::sum);
      team.replaceAll(a -> a.id() == chosen.id() ? assigned(a, lead(now, lead)) : a);
    }
    assertEquals(Map.of(1L, 100, 2L, 100, 3L, 100), shares);
  }

  @Test
  void unavailableAgentsAndAgentsAtTheirCapAreSkipped() {
    AgentRow busy = agent(1, null, 2, true);
    AgentRow away = agent(2, null, 10, false);
    AgentRow free = agent(3, null, 10, true);
    List<AgentLoad> loads = List.of(new AgentLoad(busy, 2), new AgentLoad(away, 0), new AgentLoad(free, 9));
    assertEquals(3, roster.pick(loads, WEDNESDAY_11, null).orElseThrow().agent().id());
    assertTrue(roster.pick(List.of(new AgentLoad(busy, 2), new AgentLoad(away, 0)), WEDNESDAY_11, null).isEmpty());
  }

  @Test
  void anExcludedAgentIsNeverPicked() {
    List<AgentRow> team = List.of(agent(1, null, 10, true), agent(2, null, 10, true));
    assertEquals(2, roster.pick(loads(team, 0), WEDNESDAY_11, 1L).orElseThrow().agent().id());
    assertTrue(roster.pick(loads(List.of(team.get(0)), 0), WEDNESDAY_11, 1L).isEmpty());
  }

  @Test
  void onlyAgentsOnShiftNowAreInTheRotation() {
    AgentRow mornings = agent(1, "MON-FRI 07:00-10:00", 10, true);
    AgentRow days = agent(2, "MON-FRI 10:30-18:00", 10, true);
    AgentRoster.Pick pick = roster.pick(loads(List.of(mornings, days), 0), WEDNESDAY_11, null).orElseThrow();
    assertEquals(2, pick.agent().id());
    assertTrue(pick.onShift());
    assertTrue(roster.isOnShift(mornings, WEDNESDAY_11.minusSeconds(3 * 3600)));
    assertFalse(roster.isOnShift(mornings, WEDNESDAY_11));
  }

  @Test
  void nobodyIsOnShiftOnTheDealershipsHolidaysNotEvenOnAShiftOfTheirOwn() {
    AgentRoster closedToday = new AgentRoster(new DealershipSchedule("America/Chicago",
        BusinessHoursFormat.parse("MON-SAT 09:00-20:00"), List.of("2026-12-02")));
    AgentRow dealershipHours = agent(1, null, 10, true);
    AgentRow ownShift = agent(2, "MON-FRI 10:30-18:00", 10, true);
    assertFalse(closedToday.isOnShift(dealershipHours, WEDNESDAY_11));
    assertFalse(closedToday.isOnShift(ownShift, WEDNESDAY_11));
    AgentRoster.Pick pick = closedToday.pick(loads(List.of(dealershipHours, ownShift), 0), WEDNESDAY_11, null)
        .orElseThrow();
    assertFalse(pick.onShift());
    assertEquals(ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, CHICAGO).toInstant(), pick.startsAt(),
        "the first to start after the holiday: Thursday 09:00");
  }

  @Test
  void withNobodyOnShiftTheAgentWhoseShiftStartsFirstGetsIt() {
    AgentRow late = agent(1, "MON-FRI 12:00-20:00", 10, true);
    AgentRow early = agent(2, "MON-FRI 07:00-10:00", 10, true);
    Instant sundayNight = ZonedDateTime.of(2026, 12, 6, 22, 0, 0, 0, CHICAGO).toInstant();
    AgentRoster.Pick pick = roster.pick(loads(List.of(late, early), 0), sundayNight, null).orElseThrow();
    assertEquals(2, pick.agent().id());
    assertFalse(pick.onShift());
    assertEquals(ZonedDateTime.of(2026, 12, 7, 7, 0, 0, 0, CHICAGO).toInstant(), pick.startsAt());
  }

  @Test
  void anAgentWithoutAShiftWorksTheDealershipsHours() {
    AgentRow agent = agent(1, null, 10, true);
    assertTrue(roster.isOnShift(agent, WEDNESDAY_11));
    assertFalse(roster.isOnShift(agent, ZonedDateTime.of(2026, 12, 2, 20, 30, 0, 0, CHICAGO).toInstant()));
  }

  private static Instant lead(Instant start, int n) {
    return start.plusSeconds(n);
  }

  private static List<AgentLoad> loads(List<AgentRow> agents, int open) {
    return agents.stream().map(a -> new AgentLoad(a, open)).toList();
  }

  private static AgentRow agent(long id, String shift, int cap, boolean available) {
    return new AgentRow(id, 1, "Agent " + id, null, null, AgentRole.AGENT, shift, AgentNotify.NONE, cap, available,
        null, true, Instant.EPOCH);
  }

  private static AgentRow assigned(AgentRow a, Instant at) {
    return new AgentRow(a.id(), a.dealershipId(), a.name(), a.email(), a.phone(), a.role(), a.shiftHours(),
        a.notifyBy(), a.maxOpenTasks(), a.available(), at, a.active(), a.createdAt());
  }
}
