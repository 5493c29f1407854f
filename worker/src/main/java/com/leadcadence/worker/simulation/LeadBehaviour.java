package com.leadcadence.worker.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.leadcadence.workflows.model.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * How simulated leads answer: per channel, the chance that one attempt gets a response, an open or an
 * opt-out, shaped by the lead-local hour, the lead's age at the attempt and its source. Read from a file a
 * manager can edit ({@code config/simulation/lead-behaviour.yml}); unknown keys are refused so that a
 * typo does not silently fall back to nothing.
 */
public record LeadBehaviour(
    Map<Channel, ChannelBehaviour> channels,
    List<FreshnessBand> freshness,
    Map<String, Double> sources,
    double appointmentGivenContact) {

  /**
   * respond: a contact (pick-up, reply, call-back); open: an email opened (absent: 0); optOut: STOP or
   * unsubscribe.
   */
  public record ChannelBehaviour(double respond, Double open, double optOut, Map<HourBand, Double> hourOfDay) {
    public ChannelBehaviour {
      open = open == null ? 0.0 : open;
      hourOfDay = hourOfDay == null ? Map.of() : Map.copyOf(hourOfDay);
    }
  }

  /** A factor for attempts made while the lead is at most upToMinutes old (null: any age). */
  public record FreshnessBand(Integer upToMinutes, double factor) {}

  /** Lead-local hour bands: morning 08-12, afternoon 12-17, evening 17-21, night otherwise. */
  public enum HourBand {
    morning, afternoon, evening, night;

    static HourBand of(LocalTime t) {
      int h = t.getHour();
      if (h >= 8 && h < 12) {
        return morning;
      }
      if (h >= 12 && h < 17) {
        return afternoon;
      }
      return h >= 17 && h < 21 ? evening : night;
    }
  }

  private static final double CAP = 0.95;

  public LeadBehaviour {
    channels = Map.copyOf(channels);
    freshness = List.copyOf(freshness);
    sources = sources == null ? Map.of() : Map.copyOf(sources);
    for (Channel channel : Channel.values()) {
      if (!channels.containsKey(channel)) {
        throw new IllegalArgumentException("lead behaviour: channels." + channel + " is missing");
      }
    }
  }

  public static LeadBehaviour read(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    try {
      return yaml.readValue(file.toFile(), LeadBehaviour.class);
    } catch (IOException e) {
      throw new UncheckedIOException("lead behaviour " + file + ": " + e.getMessage(), e);
    }
  }

  /** The chance that one attempt on this channel gets a response. */
  public double respond(Channel channel, LocalTime leadLocal, Duration leadAge, String source) {
    return shaped(channel, channels.get(channel).respond(), leadLocal, leadAge, source);
  }

  /** The chance that an email is opened (not shaped by age: an open is not a conversation). */
  public double open(Channel channel, LocalTime leadLocal) {
    ChannelBehaviour c = channels.get(channel);
    return Math.min(CAP, c.open() * c.hourOfDay().getOrDefault(HourBand.of(leadLocal), 1.0));
  }

  public double optOut(Channel channel) {
    return channels.get(channel).optOut();
  }

  private double shaped(Channel channel, double base, LocalTime leadLocal, Duration leadAge, String source) {
    double hour = channels.get(channel).hourOfDay().getOrDefault(HourBand.of(leadLocal), 1.0);
    double p = base * hour * freshnessFactor(leadAge) * sources.getOrDefault(source, 1.0);
    return Math.min(CAP, p);
  }

  double freshnessFactor(Duration age) {
    for (FreshnessBand band : freshness) {
      if (band.upToMinutes() == null || age.toMinutes() < band.upToMinutes()) {
        return band.factor();
      }
    }
    return 1.0;
  }
}
