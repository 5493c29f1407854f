package com.leadcadence.activities.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.plan.DefaultCadencePlans;
import com.leadcadence.workflows.plan.TemplateRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {
  /** The repo's templates, relative to the module directory (Maven's working dir for tests). */
  private static final Path REPO_TEMPLATES = Path.of("..", "config", "templates");

  private static final TemplateContext FULL = new TemplateContext("Jane", "Doe", "2024 Toyota Camry XSE",
      "Lakeside Motors", "Maria Alvarez", "+13125550111", "+13125550100", 3);
  private static final TemplateContext MINIMAL =
      new TemplateContext("Jane", "", null, "Lakeside Motors", null, null, null, null);

  static final Set<TemplateRef> ALL_TEMPLATES = refs();

  private static Set<TemplateRef> refs() {
    Set<TemplateRef> refs = new LinkedHashSet<>();
    Stream.of("ack", "vehicle-details", "options", "check-in", "nurture", "final")
        .forEach(id -> refs.add(new TemplateRef(Channel.EMAIL, id)));
    Stream.of("intro", "follow-up", "in-stock", "check-in").forEach(id -> refs.add(new TemplateRef(Channel.SMS, id)));
    Stream.of("vm-intro", "vm-value", "vm-scarcity", "vm-alternative")
        .forEach(id -> refs.add(new TemplateRef(Channel.VOICEMAIL, id)));
    refs.add(new TemplateRef(Channel.CALL, "call"));
    return refs;
  }

  private final MessageTemplates templates = new MessageTemplates(REPO_TEMPLATES);

  @Test
  void everyTemplateTheDefaultPlansUseExistsAndIsValid() {
    assertTrue(ALL_TEMPLATES.containsAll(DefaultCadencePlans.templateRefs()));
    templates.verify(ALL_TEMPLATES);
  }

  @Test
  void everyTemplateRendersWithAndWithoutOptionalValues() {
    for (TemplateRef ref : ALL_TEMPLATES) {
      for (TemplateContext context : List.of(FULL, MINIMAL)) {
        RenderedMessage message = templates.render(ref.channel(), ref.templateId(), context);
        String text = (message.subject() == null ? "" : message.subject() + "\n") + message.body();
        String where = ref + " with " + (context == FULL ? "all values" : "only the required values");
        assertTrue(text.contains("Jane"), where + ": " + text);
        assertFalse(text.contains("{{") || text.contains("null") || text.contains("  ") || text.contains(" ."),
            where + ": " + text);
        assertEquals(ref.channel() == Channel.EMAIL, message.subject() != null, where);
        if (context == MINIMAL) {
          assertFalse(text.contains("Camry") || text.contains("Maria") || text.contains("+1312"), where + ": " + text);
        }
      }
    }
  }

  @Test
  void firstTextNamesTheDealershipOffersStopAndFitsOneSegment() {
    String intro = templates.render(Channel.SMS, "intro", FULL).body();
    assertEquals("Hi Jane, it's Maria Alvarez at Lakeside Motors about the 2024 Toyota Camry XSE. "
        + "When is a good time to talk? Reply STOP to opt out", intro);
    assertTrue(intro.length() < 160, intro.length() + " chars");
    for (TemplateRef ref : ALL_TEMPLATES.stream().filter(r -> r.channel() == Channel.SMS).toList()) {
      String text = templates.render(Channel.SMS, ref.templateId(), FULL).body();
      assertTrue(text.length() < 160, ref.templateId() + " is " + text.length() + " chars: " + text);
      assertTrue(text.contains("Lakeside Motors") && text.endsWith("Reply STOP to opt out"), text);
      assertTrue(text.chars().allMatch(c -> c < 128), "plain ASCII keeps the GSM-7 encoding: " + text);
    }
  }

  @Test
  void inStockReadsWellWithAndWithoutACount() {
    assertTrue(templates.render(Channel.SMS, "in-stock", FULL).body()
        .contains("We have 3 in stock like the 2024 Toyota Camry XSE."));
    TemplateContext noCount = new TemplateContext("Jane", "Doe", "2024 Toyota Camry XSE", "Lakeside Motors",
        null, null, null, null);
    assertTrue(templates.render(Channel.SMS, "in-stock", noCount).body()
        .contains("We have options like the 2024 Toyota Camry XSE on the lot."));
  }

  @Test
  void emailAndCallTaskText() {
    RenderedMessage ack = templates.render(Channel.EMAIL, "ack", FULL);
    assertEquals("Thanks for contacting Lakeside Motors, Jane", ack.subject());
    assertTrue(ack.body().startsWith("Hi Jane,\n\n"), ack.body());
    assertTrue(ack.body().endsWith("Maria Alvarez\nLakeside Motors\n+13125550100"), ack.body());
    assertTrue(templates.render(Channel.CALL, "call", FULL).body()
        .startsWith("Call Jane Doe about the 2024 Toyota Camry XSE."));
    assertNull(templates.render(Channel.VOICEMAIL, "vm-intro", FULL).subject());
    assertTrue(templates.render(Channel.VOICEMAIL, "vm-intro", FULL).body().contains("+13125550111"));
  }

  @Test
  void verifyNamesAMissingTemplateFile(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.delete(dir.resolve("sms").resolve("in-stock.mustache"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MessageTemplates(dir).verify(ALL_TEMPLATES));
    assertTrue(e.getMessage().contains("missing template file") && e.getMessage().contains("in-stock.mustache"),
        e.getMessage());
  }

  @Test
  void verifyNamesAnUnknownPlaceholder(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("email").resolve("final.txt.mustache"),
        "Hi {{firstName}}, your salesperson {{salesRep}} says hi. {{#vehicle}}{{vehicleColour}}{{/vehicle}}\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MessageTemplates(dir).verify(ALL_TEMPLATES));
    assertTrue(e.getMessage().contains("{{salesRep}}") && e.getMessage().contains("{{vehicleColour}}")
        && e.getMessage().contains("final.txt.mustache"), e.getMessage());
  }

  @Test
  void aMissingDirectoryFailsAtConstruction(@TempDir Path dir) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MessageTemplates(dir.resolve("nope")));
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains("nope"));
  }

  private static void copyRepoTemplates(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(REPO_TEMPLATES)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(REPO_TEMPLATES.relativize(source).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(source, copy);
      }
    }
  }
}
