package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.CadenceStep;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimeRulesTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final BusinessCalendar MON_SAT_9_TO_8 = new BusinessCalendar(
      new DealershipSchedule("America/Chicago", BusinessHoursFormat.parse("MON-SAT 09:00-20:00")));
  private static final ContactWindow WINDOW = new ContactWindow(CHICAGO, MON_SAT_9_TO_8);
  private static final SendTimeRules RULES = new SendTimeRules(WINDOW);

  /** 2026-11-23 is a Monday. */
  private static Instant chicago(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
  }

  private static SendTimeRules.Step step(Channel channel, String onTime, Duration staleAfter) {
    return new SendTimeRules.Step(channel, chicago(onTime), null, staleAfter, null);
  }

  @Test
  void aTextThatWakesOnTimeIsSentWithTheWindowsEndAsItsLimit() {
    SendTimeRules.Decision d = RULES.decide(step(Channel.SMS, "2026-11-23T14:00", Duration.ofHours(2)),
        chicago("2026-11-23T14:00"));
    assertEquals(new SendTimeRules.Send(chicago("2026-11-23T21:00")), d);
  }

  @Test
  void aCallsLimitIsTheDealershipsClosingTime() {
    SendTimeRules.Decision d = RULES.decide(step(Channel.CALL, "2026-11-23T14:05", Duration.ofMinutes(15)),
        chicago("2026-11-23T14:06"));
    assertEquals(new SendTimeRules.Send(chicago("2026-11-23T20:00")), d);
  }

  @Test
  void aTextWakingLateAtNightWaitsForMorningOrIsStale() {
    // Due at 20:40, woken at 20:55 (inside the 10-minute margin before 21:00): wait for 08:00, which is
    // more than 2 hours after it was due, so it is stale right away.
    SendTimeRules.Decision d = RULES.decide(step(Channel.SMS, "2026-11-23T20:40", Duration.ofHours(2)),
        chicago("2026-11-23T20:55"));
    assertInstanceOf(SendTimeRules.Stale.class, d);
    // With a limit that reaches the morning it waits instead (and is decided again then).
    d = RULES.decide(step(Channel.SMS, "2026-11-23T20:40", Duration.ofHours(12)), chicago("2026-11-23T22:30"));
    assertEquals(new SendTimeRules.Wait(chicago("2026-11-24T08:00")), d);
  }

  @Test
  void emailGoesAtAnyHourUntilItsLimitAndTheAcknowledgmentNeverGoesStale() {
    assertEquals(new SendTimeRules.Send(null),
        RULES.decide(step(Channel.EMAIL, "2026-11-23T10:30", Duration.ofHours(24)), chicago("2026-11-23T22:30")));
    assertInstanceOf(SendTimeRules.Stale.class,
        RULES.decide(step(Channel.EMAIL, "2026-11-23T10:30", Duration.ofHours(24)), chicago("2026-11-24T10:31")));
    assertEquals(new SendTimeRules.Send(null),
        RULES.decide(step(Channel.EMAIL, "2026-11-23T10:00", null), chicago("2026-11-26T10:00")));
  }

  @Test
  void aChannelGetsOneOverdueStep() {
    SendTimeRules.Step secondText = new SendTimeRules.Step(Channel.SMS, chicago("2026-11-23T10:15"), null,
        Duration.ofHours(2), chicago("2026-11-23T11:00"));
    assertInstanceOf(SendTimeRules.Stale.class, RULES.decide(secondText, chicago("2026-11-23T11:01")));
    // A step due after that catch-up is normal.
    SendTimeRules.Step later = new SendTimeRules.Step(Channel.SMS, chicago("2026-11-23T14:00"), null,
        Duration.ofHours(2), chicago("2026-11-23T11:00"));
    assertEquals(new SendTimeRules.Send(chicago("2026-11-23T21:00")), RULES.decide(later, chicago("2026-11-23T14:00")));
  }

  @Test
  void catchUpKeepsThePlannedSpacing() {
    // The text due 10:15 ran late at 11:00; the email due 10:30 follows 15 minutes later, not at once.
    Instant spaced = SendTimeRules.spacedAfterCatchUp(chicago("2026-11-23T10:30"), chicago("2026-11-23T11:00"),
        chicago("2026-11-23T10:15"));
    assertEquals(chicago("2026-11-23T11:15"), spaced);
    SendTimeRules.Step email = new SendTimeRules.Step(Channel.EMAIL, chicago("2026-11-23T10:30"), spaced,
        Duration.ofHours(24), null);
    assertEquals(new SendTimeRules.Wait(spaced), RULES.decide(email, chicago("2026-11-23T11:00")));
    // A step due after the late one ran keeps its own time.
    assertNull(SendTimeRules.spacedAfterCatchUp(chicago("2026-11-23T14:00"), chicago("2026-11-23T11:00"),
        chicago("2026-11-23T10:15")));
  }

  @Test
  void stalenessLimitsFollowTheChannelAndTheCallSla() {
    assertEquals(Duration.ofHours(2),
        SendTimeRules.staleAfter(CadenceStep.of("s", Channel.SMS, "t", StepTiming.afterStart(Duration.ZERO))));
    assertEquals(Duration.ofHours(2),
        SendTimeRules.staleAfter(CadenceStep.of("v", Channel.VOICEMAIL, "t", StepTiming.afterStart(Duration.ZERO))));
    assertEquals(Duration.ofHours(24),
        SendTimeRules.staleAfter(CadenceStep.of("e", Channel.EMAIL, "t", StepTiming.afterStart(Duration.ZERO))));
    assertEquals(Duration.ofMinutes(5), SendTimeRules.staleAfter(
        CadenceStep.of("c", Channel.CALL, "t", StepTiming.afterStart(Duration.ZERO)).withCallSla(Duration.ofMinutes(5))));
    assertNull(SendTimeRules.staleAfter(CadenceStep.of("ack", Channel.EMAIL, "ack", StepTiming.atReceipt())));
  }

  /** A plan's own limit (resolved onto the step by the plan loader) replaces the channel's default. */
  @Test
  void aPlansLimitReplacesTheDefault() {
    CadenceStep text = new CadenceStep("sms-2", Channel.SMS, "t", StepTiming.afterStart(Duration.ofHours(4)), null,
        null, null, List.of(), null, null, Duration.ofMinutes(30));
    assertEquals(Duration.ofMinutes(30), SendTimeRules.staleAfter(text));
    CadenceStep call = new CadenceStep("call-2", Channel.CALL, "t", StepTiming.afterStart(Duration.ofHours(4)), null,
        Duration.ofMinutes(5), null, List.of(), null, null, Duration.ofMinutes(45));
    assertEquals(Duration.ofMinutes(45), SendTimeRules.staleAfter(call), "instead of the call's SLA");

    // 45 minutes late (a worker outage): past the plan's 30 minutes, within the default 2 hours.
    Instant now = chicago("2026-11-23T14:45");
    assertInstanceOf(SendTimeRules.Stale.class,
        RULES.decide(step(Channel.SMS, "2026-11-23T14:00", SendTimeRules.staleAfter(text)), now));
    assertEquals(new SendTimeRules.Send(chicago("2026-11-23T21:00")), RULES.decide(step(Channel.SMS,
        "2026-11-23T14:00", SendTimeRules.staleAfter(CadenceStep.of("s", Channel.SMS, "t", text.timing()))), now));
  }

  @Test
  void allowedUntilIsTheFirstNineInTheEveningAcrossASpanOfZones() {
    ContactWindow span = new ContactWindow(
        LeadZones.parse(LeadZones.NORTH_AMERICA_CONTINENTAL, CHICAGO), MON_SAT_9_TO_8);
    // 13:00 Chicago = 14:00 New York = 11:00 Los Angeles: New York's 21:00 (20:00 Chicago) comes first.
    assertEquals(chicago("2026-11-23T20:00"), span.allowedUntil(Channel.SMS, chicago("2026-11-23T13:00")).orElseThrow());
    assertTrue(span.allowedUntil(Channel.EMAIL, chicago("2026-11-23T13:00")).isEmpty());
    assertEquals(List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles")),
        LeadZones.parse(LeadZones.NORTH_AMERICA_CONTINENTAL, CHICAGO));
  }
}
