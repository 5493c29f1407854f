package com.leadcadence.api.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadcadence.workflows.model.Grade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start reads the plans and their templates; a bad plan directory stops it with one line per error. */
class PlansAndTemplatesTest {
  private static final String TEMPLATES = "../config/templates";

  @Test
  void theRepositorysPlansLoad() {
    PlansAndTemplates checked = PlansAndTemplates.load(TEMPLATES, "../config/cadences");
    assertEquals("hot", checked.plans().forLead(Grade.A, "website").name());
    assertEquals(List.of("hot.yml", "none.yml", "nurture.yml", "standard.yml"),
        checked.plans().all().stream().map(p -> p.file()).toList());
  }

  @Test
  void aBadPlanDirectoryStopsTheStartWithEveryProblemOnItsOwnLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hot.yml"), """
        name: hot
        version: 1
        grades: [A, B, C, D]
        steps:
          - id: ack
            channel: email
            template: ack
            timing: day 2 at 10:00
          - id: ack
            channel: pigeon
            template: ack
            timing: +1h
        """);
    StartupFailure failure = assertThrows(StartupFailure.class,
        () -> PlansAndTemplates.load(TEMPLATES, dir.toString()));
    assertEquals(List.of(
        "cadence plans in " + dir + " are not usable (3 problems):",
        "  hot.yml: step 'ack': id: duplicate step id: another step of this plan has it",
        "  hot.yml: step 'ack': channel: unknown value 'pigeon': one of email, sms, call, voicemail",
        "  hot.yml: step 'ack': timing: steps out of order: '+1h' can come before step 'ack' (day 2 at 10:00); "
            + "steps run in file order, so order them by time"),
        failure.getMessage().lines().toList());
  }
}
