package com.leadcadence.worker.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadBehaviourTest {
  private static final LeadBehaviour SHIPPED =
      LeadBehaviour.read(Path.of("..", "config", "simulation", "lead-behaviour.yml"));

  @Test
  void aCallInTheFirstFiveMinutesIsLikelierThanADayLater() {
    LocalTime evening = LocalTime.of(18, 0);
    double fresh = SHIPPED.respond(Channel.CALL, evening, Duration.ofMinutes(2), "website");
    double late = SHIPPED.respond(Channel.CALL, evening, Duration.ofDays(2), "website");
    // base 0.10 x evening 1.3 x freshness 3.0 (or 0.6) x website 1.2
    assertEquals(0.10 * 1.3 * 3.0 * 1.2, fresh, 1e-9);
    assertEquals(0.10 * 1.3 * 0.6 * 1.2, late, 1e-9);
  }

  @Test
  void hourBandsAreLeadLocalAndAnUnknownSourceCountsAsOne() {
    assertEquals(LeadBehaviour.HourBand.night, LeadBehaviour.HourBand.of(LocalTime.of(7, 59)));
    assertEquals(LeadBehaviour.HourBand.morning, LeadBehaviour.HourBand.of(LocalTime.of(8, 0)));
    assertEquals(LeadBehaviour.HourBand.afternoon, LeadBehaviour.HourBand.of(LocalTime.of(12, 0)));
    assertEquals(LeadBehaviour.HourBand.evening, LeadBehaviour.HourBand.of(LocalTime.of(20, 59)));
    assertEquals(LeadBehaviour.HourBand.night, LeadBehaviour.HourBand.of(LocalTime.of(21, 0)));
    assertEquals(0.12 * 1.0 * 1.6, SHIPPED.respond(Channel.SMS, LocalTime.of(9, 0), Duration.ofMinutes(10), "radio"),
        1e-9);
    assertEquals(0.0, SHIPPED.open(Channel.SMS, LocalTime.NOON), "only emails are opened");
  }

  @Test
  void aProbabilityNeverReachesCertainty(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("b.yml");
    Files.writeString(file, Files.readString(Path.of("..", "config", "simulation", "lead-behaviour.yml"))
        .replace("respond: 0.10", "respond: 0.9"));
    double p = LeadBehaviour.read(file).respond(Channel.CALL, LocalTime.of(18, 0), Duration.ZERO, "website");
    assertEquals(0.95, p, 1e-9);
  }

  @Test
  void aTypoOrAMissingChannelIsRefusedNotIgnored(@TempDir Path dir) throws Exception {
    String shipped = Files.readString(Path.of("..", "config", "simulation", "lead-behaviour.yml"));
    Path typo = dir.resolve("typo.yml");
    Files.writeString(typo, shipped.replace("optOut: 0.02", "optout: 0.02"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> LeadBehaviour.read(typo));
    assertTrue(e.getMessage().contains("SMS") && e.getMessage().toLowerCase().contains("optout"), e.getMessage());

    Path missing = dir.resolve("missing.yml");
    Files.writeString(missing, shipped.replaceAll("(?s)  VOICEMAIL:.*?hourOfDay: \\{[^}]*\\}\\n", ""));
    e = assertThrows(UncheckedIOException.class, () -> LeadBehaviour.read(missing));
    assertTrue(e.getMessage().contains("VOICEMAIL"), e.getMessage());
  }

  @Test
  void theSameQuestionGetsTheSameAnswerAndAnotherSeedAnother() {
    Decisions one = new Decisions(1);
    assertEquals(one.uniform(7, "call-1", "respond"), new Decisions(1).uniform(7, "call-1", "respond"));
    assertTrue(one.uniform(7, "call-1", "respond") != new Decisions(2).uniform(7, "call-1", "respond"));
    assertTrue(one.uniform(7, "call-1", "respond") != one.uniform(7, "call-2", "respond"));
  }
}
