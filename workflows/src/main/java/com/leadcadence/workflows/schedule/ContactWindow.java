package com.leadcadence.workflows.schedule;

import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a channel may be used. SMS, calls and voicemail drops: 08:00-21:00 in the lead's time zone
 * (TCPA quiet hours); calls and drops also only while the dealership is open. Email: any time.
 * An automated step must start by {@link #LAST_START} so that a retried send still lands before 21:00.
 */
public final class ContactWindow {
  public static final LocalTime QUIET_HOURS_END = LocalTime.of(8, 0);
  public static final LocalTime QUIET_HOURS_START = LocalTime.of(21, 0);
  /** The send activity's schedule-to-close timeout fits between this and QUIET_HOURS_START. */
  public static final Duration SEND_MARGIN = Duration.ofMinutes(10);
  public static final LocalTime LAST_START = QUIET_HOURS_START.minus(SEND_MARGIN);

  private static final int MAX_ADJUSTMENTS = 64;

  /** Where the lead may be: one zone when known; when only the country is known, its extremes. */
  private final List<ZoneId> leadZones;
  private final BusinessCalendar business;

  public ContactWindow(ZoneId leadZone, BusinessCalendar business) {
    this(List.of(leadZone), business);
  }

  /** Every zone must allow a time: the safe choice when the lead's exact zone is unknown. */
  public ContactWindow(List<ZoneId> leadZones, BusinessCalendar business) {
    if (leadZones.isEmpty()) {
      throw new IllegalArgumentException("at least one time zone is needed");
    }
    this.leadZones = List.copyOf(leadZones);
    this.business = business;
  }

  public boolean allows(Channel channel, Instant t) {
    return (!channel.respectsQuietHours() || outsideQuietHours(t))
        && (!channel.needsBusinessHours() || business.isOpen(t));
  }

  /**
   * The earliest instant at or after {@code wanted} at which the channel may be used; empty when the
   * lead's waking hours and the dealership's opening hours never meet.
   */
  public Optional<Instant> earliestAllowed(Channel channel, Instant wanted) {
    Instant t = wanted;
    for (int i = 0; i < MAX_ADJUSTMENTS; i++) {
      if (allows(channel, t)) {
        return Optional.of(t);
      }
      Optional<ZoneId> asleep = channel.respectsQuietHours() ? zoneInQuietHours(t) : Optional.empty();
      if (asleep.isPresent()) {
        t = nextQuietHoursEnd(t, asleep.get());
        continue;
      }
      Optional<Instant> opening = business.openAtOrAfter(t);
      if (opening.isEmpty()) {
        return Optional.empty();
      }
      t = opening.get();
    }
    return Optional.empty();
  }

  /**
   * The hard end of the window that is open at {@code t}: the first 21:00 in any of the lead's zones
   * and, for calls and drops, the dealership's closing time. No send may start at or after it (the
   * activity's own check). Empty for email (no window) and when the channel is not allowed at t
   * under {@link #allows} (the caller must not send then at all).
   */
  public Optional<Instant> allowedUntil(Channel channel, Instant t) {
    if (!channel.respectsQuietHours() && !channel.needsBusinessHours()) {
      return Optional.empty();
    }
    if (!allows(channel, t)) {
      return Optional.of(t);
    }
    Instant until = null;
    if (channel.respectsQuietHours()) {
      for (ZoneId zone : leadZones) {
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime night = local.toLocalDate().atTime(QUIET_HOURS_START).atZone(zone);
        Instant end = (night.isAfter(local) ? night : night.plusDays(1)).toInstant();
        until = until == null || end.isBefore(until) ? end : until;
      }
    }
    if (channel.needsBusinessHours()) {
      Instant closes = business.closesAfter(t).orElse(t);
      until = until == null || closes.isBefore(until) ? closes : until;
    }
    return Optional.of(until);
  }

  /**
   * How long from {@code t} the channel stays allowed, looking at most {@code horizon} ahead (minute
   * steps): a call task's deadline must not fall into the lead's night or after the dealership closes.
   */
  public Duration allowedFor(Channel channel, Instant t, Duration horizon) {
    Duration open = Duration.ZERO;
    while (open.compareTo(horizon) < 0 && allows(channel, t.plus(open))) {
      open = open.plusMinutes(1);
    }
    return open.compareTo(horizon) > 0 ? horizon : open;
  }

  private boolean outsideQuietHours(Instant t) {
    return zoneInQuietHours(t).isEmpty();
  }

  private Optional<ZoneId> zoneInQuietHours(Instant t) {
    for (ZoneId zone : leadZones) {
      LocalTime local = t.atZone(zone).toLocalTime();
      if (local.isBefore(QUIET_HOURS_END) || !local.isBefore(LAST_START)) {
        return Optional.of(zone);
      }
    }
    return Optional.empty();
  }

  private static Instant nextQuietHoursEnd(Instant t, ZoneId zone) {
    ZonedDateTime local = t.atZone(zone);
    ZonedDateTime morning = local.toLocalDate().atTime(QUIET_HOURS_END).atZone(zone);
    return (morning.isAfter(local) ? morning : morning.plusDays(1)).toInstant();
  }
}
