package com.leadcadence.workflows.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.DealershipSchedule;
import com.leadcadence.workflows.model.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the lead's zones, the dealership's hours, the arrival instant (around DST changes),
 * and however late the workflow wakes or the activity starts, no text, call task or voicemail drop
 * starts outside 08:00-21:00 in every zone of the lead, nor a call or drop outside business hours,
 * and nothing goes out later than its staleness limit. The workflow's side is {@link SendTimeRules}
 * (decided again at every wake-up); the activity's side is its allowedUntil check. The check below is
 * written independently of ContactWindow.
 */
class SendTimePropertyTest {
  private static final int LEADS = 100_000;
  private static final long SEED = 20261101L;

  private static final List<String> LEAD_ZONES = List.of(
      "America/Phoenix", "Pacific/Honolulu", "America/New_York", "America/Chicago", "America/Denver",
      "America/Los_Angeles", "America/Anchorage", "America/Halifax", "America/St_Johns",
      "America/New_York,America/Los_Angeles", "America/Chicago,America/Phoenix",
      "Pacific/Honolulu,America/Anchorage", "America/New_York,Pacific/Honolulu");
  private static final List<String> DEALER_ZONES = List.of(
      "America/Chicago", "America/New_York", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu");
  private static final List<String> HOURS = List.of(
      "MON-SAT 09:00-20:00", "MON-FRI 08:00-18:00; SAT 10:00-16:00", "MON-SUN 07:00-22:00",
      "TUE-SAT 12:00-21:00", "MON-SUN 00:00-23:59", "SAT-SUN 10:00-14:00");
  /** US DST changes 2026-03-08 and 2026-11-01 (and the UK's for good measure), arrivals around them. */
  private static final List<Instant> DST_CHANGES = List.of(
      Instant.parse("2026-03-08T08:00:00Z"), Instant.parse("2026-11-01T07:00:00Z"),
      Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));

  private static final List<List<ZoneId>> ZONES =
      LEAD_ZONES.stream().map(z -> LeadZones.parse(z, ZoneId.of("UTC"))).toList();
  /** Holidays on and right after the DST changes, as rules; the check below knows their dates by hand. */
  private static final List<String> HOLIDAYS = List.of("2026-03-08", "03-09", "1st SUN of NOV", "1st MON of NOV",
      "last SUN of MAR", "2026-03-30", "last SUN of OCT", "10-26");
  private static final java.util.Set<java.time.LocalDate> HOLIDAY_DATES = java.util.Set.of(
      java.time.LocalDate.parse("2026-03-08"), java.time.LocalDate.parse("2026-03-09"),
      java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2026-11-02"),
      java.time.LocalDate.parse("2026-03-29"), java.time.LocalDate.parse("2026-03-30"),
      java.time.LocalDate.parse("2026-10-25"), java.time.LocalDate.parse("2026-10-26"));
  /** Every zone and hours, without holidays and with them. */
  private static final List<DealershipSchedule> SCHEDULES = DEALER_ZONES.stream()
      .flatMap(zone -> HOURS.stream().flatMap(h -> java.util.stream.Stream.of(
          new DealershipSchedule(zone, BusinessHoursFormat.parse(h)),
          new DealershipSchedule(zone, BusinessHoursFormat.parse(h), HOLIDAYS))))
      .toList();
  private static final java.util.Map<String, SendTimeRules> RULES = new java.util.HashMap<>();

  @Test
  void noSendOutsideTheWindowHoweverLateTheWakeUp() {
    Random random = new Random(SEED);
    int sends = 0;
    int waits = 0;
    int stale = 0;
    int refusals = 0;
    int never = 0;
    long started = System.nanoTime();
    for (int lead = 0; lead < LEADS; lead++) {
      List<ZoneId> zones = ZONES.get(random.nextInt(ZONES.size()));
      DealershipSchedule schedule = SCHEDULES.get(random.nextInt(SCHEDULES.size()));
      SendTimeRules rules = RULES.computeIfAbsent(zones + "|" + schedule,
          k -> new SendTimeRules(new ContactWindow(zones, new BusinessCalendar(schedule))));
      Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
      Instant arrival = arrival(random);
      Instant planned = arrival.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
      Duration staleAfter = random.nextInt(20) == 0 ? null : staleAfter(random, channel);
      Instant onTime = rules.onTime(channel, planned, null).orElse(null);
      if (onTime == null) {
        never++;
        continue;
      }
      Instant notBefore = random.nextBoolean() ? null : onTime.plus(Duration.ofMinutes(random.nextInt(600)));
      Instant now = onTime.plus(delay(random));
      Trace trace = new Trace(lead, zones, schedule, channel, onTime);
      for (int turn = 0; ; turn++) {
        if (turn > 50) {
          fail("no decision after 50 turns: " + trace);
        }
        SendTimeRules.Decision d = rules.decide(
            new SendTimeRules.Step(channel, onTime, notBefore, staleAfter, null), now);
        if (d instanceof SendTimeRules.Wait wait) {
          waits++;
          if (!wait.until().isAfter(now)) {
            fail("a wait that does not move forward: " + trace);
          }
          now = wait.until().plus(delay(random));
          continue;
        }
        if (d instanceof SendTimeRules.Stale) {
          stale++;
          break;
        }
        if (d instanceof SendTimeRules.Never) {
          never++;
          break;
        }
        SendTimeRules.Send send = (SendTimeRules.Send) d;
        // The workflow decided to send at now; the activity starts after a backlog of its own.
        Instant activityStart = now.plus(random.nextInt(4) == 0 ? delay(random) : Duration.ofMillis(random.nextInt(3000)));
        if (send.allowedUntil() != null && !activityStart.isBefore(send.allowedUntil())) {
          refusals++;
          notBefore = activityStart.plus(Duration.ofMinutes(5));
          now = notBefore.plus(Duration.ofMillis(random.nextInt(1000)));
          continue;
        }
        if (channel != Channel.EMAIL && send.allowedUntil() == null) {
          fail("a " + channel + " send without a window limit: " + trace);
        }
        assertAllowed(channel, zones, schedule, now, trace);
        assertAllowed(channel, zones, schedule, activityStart, trace);
        if (staleAfter != null && Duration.between(onTime, now).compareTo(staleAfter) > 0) {
          fail("stale send: " + trace + " at " + now);
        }
        sends++;
        break;
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("send-time property: %d leads, %d sends, %d waits, %d stale, %d activity refusals,"
        + " %d never allowed, in %d ms%n", LEADS, sends, waits, stale, refusals, never, took.toMillis());
    assertEquals(LEADS, sends + stale + never, "every lead came to a decision");
    assertTrue(sends > LEADS / 3 && stale > 1000 && refusals > 100, "the generator reaches every case");
  }

  /** Printed only when a check fails. */
  private record Trace(int lead, List<ZoneId> zones, DealershipSchedule schedule, Channel channel, Instant due) {}

  private static Instant arrival(Random random) {
    if (random.nextInt(4) == 0) {
      return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
    }
    Instant change = DST_CHANGES.get(random.nextInt(DST_CHANGES.size()));
    return change.minus(Duration.ofDays(3)).plusSeconds(random.nextInt(6 * 24 * 3600));
  }

  /** On time most often; else anything from a few seconds to four days, heavy-tailed. */
  private static Duration delay(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> Duration.ofMillis(random.nextInt(2000));
      case 2 -> Duration.ofSeconds(random.nextInt(600));
      case 3 -> Duration.ofMinutes(random.nextInt(240));
      case 4 -> Duration.ofMinutes(random.nextInt(24 * 60));
      default -> Duration.ofMinutes(random.nextInt(4 * 24 * 60));
    };
  }

  private static Duration staleAfter(Random random, Channel channel) {
    return switch (channel) {
      case SMS, VOICEMAIL -> SendTimeRules.TEXT_STALE_AFTER;
      case EMAIL -> random.nextBoolean() ? SendTimeRules.EMAIL_STALE_AFTER : Duration.ofDays(3);
      case CALL -> Duration.ofMinutes(5 + random.nextInt(600));
    };
  }

  /** The rule itself, from the schedule's raw fields: 08:00 <= local < 21:00 everywhere; open for calls. */
  private static void assertAllowed(Channel channel, List<ZoneId> zones, DealershipSchedule schedule, Instant t,
      Object trace) {
    if (channel == Channel.EMAIL) {
      return;
    }
    for (ZoneId zone : zones) {
      LocalTime local = t.atZone(zone).toLocalTime();
      if (local.isBefore(LocalTime.of(8, 0)) || !local.isBefore(LocalTime.of(21, 0))) {
        fail(channel + " at " + local + " in " + zone + ": " + trace + " at " + t);
      }
    }
    if (channel == Channel.CALL || channel == Channel.VOICEMAIL) {
      ZonedDateTime dealer = t.atZone(ZoneId.of(schedule.timeZone()));
      boolean open = false;
      for (OpeningHours h : schedule.openingHours()) {
        open |= h.day() == dealer.getDayOfWeek() && !dealer.toLocalTime().isBefore(h.opens())
            && dealer.toLocalTime().isBefore(h.closes());
      }
      if (!open) {
        fail(channel + " while the dealership is closed (" + dealer + "): " + trace);
      }
      if (!schedule.holidays().isEmpty() && HOLIDAY_DATES.contains(dealer.toLocalDate())) {
        fail(channel + " on a holiday (" + dealer + "): " + trace);
      }
    }
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
