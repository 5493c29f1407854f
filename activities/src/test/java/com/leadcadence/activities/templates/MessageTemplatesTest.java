package com.leadcadence.activities.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.Channel;
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
  private static final String UNSUBSCRIBE = "https://leads.example.com/unsubscribe/abc123";

  private static final TemplateContext FULL = new TemplateContext("Jane", "Doe", "2024 Toyota Camry XSE",
      "Lakeside Motors", "Maria Alvarez", "+13125550111", "+13125550100", 3, UNSUBSCRIBE);
  private static final TemplateContext MINIMAL =
      new TemplateContext("Jane", "", null, "Lakeside Motors", null, null, null, null, null);

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
  void everyTemplateOfTheRepositoryIsValid() {
    templates.verify(ALL_TEMPLATES);
  }

  @Test
  void everyTemplateRendersWithAndWithoutOptionalValues() {
    for (TemplateRef ref : ALL_TEMPLATES) {
      for (TemplateContext context : List.of(FULL, MINIMAL)) {
        RenderedMessage message = templates.render(ref.channel(), ref.templateId(), context);
        String where = ref + " with " + (context == FULL ? "all values" : "only the required values");
        String text = (message.subject() == null ? "" : message.subject() + "\n") + message.body();
        assertTrue(text.contains("Jane"), where + ": " + text);
        assertFalse(text.contains("{{") || text.contains("null") || text.contains("  ") || text.contains(" .")
            || text.contains(" ,"), where + ": " + text);
        assertEquals(ref.channel() == Channel.EMAIL, message.subject() != null, where);
        assertEquals(ref.channel() == Channel.EMAIL, message.html() != null, where);
        assertEquals(ref.channel() == Channel.SMS, message.smsSegments() != null, where);
        if (message.html() != null) {
          assertTrue(message.html().startsWith("<!DOCTYPE html>") && message.html().endsWith("</html>")
              && message.html().contains("<html lang=\"en\">") && message.html().contains("Hi Jane,</p>"),
              where + ": " + message.html());
          assertFalse(message.html().contains("{{") || message.html().contains("null"), where);
          assertFalse(message.html().contains("src=") || message.html().contains("<link")
              || message.html().contains("<img"), "no external assets: " + where);
        }
        if (context == MINIMAL) {
          String all = text + message.html();
          assertFalse(all.contains("Camry") || all.contains("Maria") || all.contains("+1312")
              || all.contains("tel:"), where + ": " + all);
        }
      }
    }
  }

  @Test
  void everyEmailEndsWithAnUnsubscribeLineWithOrWithoutALink() {
    for (TemplateRef ref : ALL_TEMPLATES.stream().filter(r -> r.channel() == Channel.EMAIL).toList()) {
      RenderedMessage linked = templates.render(Channel.EMAIL, ref.templateId(), FULL);
      assertTrue(lastLine(linked.body()).endsWith("Unsubscribe: " + UNSUBSCRIBE), linked.body());
      assertTrue(linked.html().contains("<a href=\"" + UNSUBSCRIBE + "\""), linked.html());

      RenderedMessage unlinked = templates.render(Channel.EMAIL, ref.templateId(), MINIMAL);
      assertTrue(lastLine(unlinked.body()).endsWith("To unsubscribe, reply with UNSUBSCRIBE."), unlinked.body());
      assertTrue(unlinked.html().contains("To unsubscribe, reply with UNSUBSCRIBE.</p>"), unlinked.html());
      assertFalse(unlinked.html().contains("href=\"\""), unlinked.html());
    }
  }

  @Test
  void firstTextNamesTheDealershipOffersStopAndFitsOneSegment() {
    RenderedMessage intro = templates.render(Channel.SMS, "intro", FULL);
    assertEquals("Lakeside Motors: Hi Jane, thanks for your interest in the 2024 Toyota Camry XSE. Maria here. "
        + "What time works for a quick call or text? Reply STOP to opt out", intro.body());
    assertEquals("1 segment GSM-7", intro.smsSegments().describe());
    assertEquals("Lakeside Motors: Hi Jane, thanks for reaching out. What time works for a quick call or text? "
        + "Reply STOP to opt out", templates.render(Channel.SMS, "intro", MINIMAL).body());
  }

  @Test
  void everyTextStaysGsm7WithinTwoSegmentsEvenWithLongValues() {
    for (TemplateRef ref : ALL_TEMPLATES.stream().filter(r -> r.channel() == Channel.SMS).toList()) {
      for (TemplateContext context : List.of(FULL, MessageTemplates.WORST_CASE, MessageTemplates.SPARSE)) {
        RenderedMessage text = templates.render(Channel.SMS, ref.templateId(), context);
        assertTrue(text.smsSegments().isGsm7() && text.smsSegments().segments() <= 2,
            ref.templateId() + ": " + text.smsSegments().describe() + ": " + text.body());
        assertTrue(text.body().startsWith(context.dealershipName() + ": ")
            && text.body().endsWith(MessageTemplates.STOP_LINE), text.body());
      }
    }
  }

  @Test
  void inStockReadsWellWithAndWithoutACount() {
    assertTrue(templates.render(Channel.SMS, "in-stock", FULL).body()
        .contains("stock check on the 2024 Toyota Camry XSE: 3 on our lot right now."));
    assertTrue(templates.render(Channel.SMS, "in-stock", FULL.withStockCount(null)).body()
        .contains("the 2024 Toyota Camry XSE and similar models are on our lot right now."));
    assertTrue(templates.render(Channel.SMS, "in-stock", MINIMAL).body()
        .contains("Hi Jane, our lot has a wide selection right now."));
  }

  @Test
  void emailAndCallTaskText() {
    RenderedMessage ack = templates.render(Channel.EMAIL, "ack", FULL);
    assertEquals("Thanks for contacting Lakeside Motors, Jane", ack.subject());
    assertTrue(ack.body().startsWith("Hi Jane,\n\n"), ack.body());
    assertTrue(ack.body().endsWith("Best regards,\nMaria Alvarez\nLakeside Motors\n+13125550100\n\n"
        + "You are getting this email because you contacted Lakeside Motors. Unsubscribe: " + UNSUBSCRIBE),
        ack.body());
    assertTrue(ack.html().contains("Maria Alvarez<br>Lakeside Motors<br><a href=\"tel:+13125550100\""),
        ack.html());
    assertTrue(templates.render(Channel.CALL, "call", FULL).body()
        .startsWith("Call Jane Doe about the 2024 Toyota Camry XSE."));
    assertNull(templates.render(Channel.VOICEMAIL, "vm-intro", FULL).subject());
    assertTrue(templates.render(Channel.VOICEMAIL, "vm-intro", FULL).body().contains("+13125550111"));
  }

  @Test
  void valuesAreHtmlEscapedInTheHtmlBodyOnly() {
    TemplateContext hostile = new TemplateContext("<script>alert(1)</script>", "O'Hara & Sons",
        "Ford \"F-150\" <b>Lariat</b>", "Lakeside Motors", "Maria Alvarez", null, null, null, null);
    RenderedMessage email = templates.render(Channel.EMAIL, "vehicle-details", hostile);
    assertFalse(email.html().contains("<script>") || email.html().contains("<b>"), email.html());
    assertTrue(email.html().contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;,</p>"), email.html());
    assertTrue(email.html().contains("the Ford &quot;F-150&quot; &lt;b&gt;Lariat&lt;/b&gt;"), email.html());

    assertTrue(email.body().startsWith("Hi <script>alert(1)</script>,"), email.body());
    assertTrue(email.body().contains("the Ford \"F-150\" <b>Lariat</b>"), email.body());
    assertTrue(email.subject().contains("Ford \"F-150\" <b>Lariat</b>"), email.subject());
    assertTrue(templates.render(Channel.SMS, "intro", hostile).body()
        .contains("Hi <script>alert(1)</script>, thanks for your interest in the Ford \"F-150\" <b>Lariat</b>."));
    assertTrue(templates.render(Channel.CALL, "call", hostile).body()
        .startsWith("Call <script>alert(1)</script> O'Hara & Sons about"));
  }

  @Test
  void typographicPunctuationInValuesKeepsTextsGsm7() {
    TemplateContext curly = new TemplateContext("Ciara", "O\u2019Brien", "Ford F\u2011150 \u201cKing Ranch\u201d",
        "Lakeside Motors", "Maria Alvarez", null, null, null, null);
    RenderedMessage text = templates.render(Channel.SMS, "follow-up", curly);
    assertTrue(text.body().contains("the Ford F-150 \"King Ranch\"?"), text.body());
    assertEquals("1 segment GSM-7", text.smsSegments().describe());
    RenderedMessage email = templates.render(Channel.EMAIL, "final", curly);
    assertTrue(email.body().contains("Ford F\u2011150 \u201cKing Ranch\u201d"), "email keeps the values as written");

    // A letter outside GSM-7 in the lead's own name stays as written; the segments tell what it costs.
    RenderedMessage accented = templates.render(Channel.SMS, "follow-up",
        new TemplateContext("Siobh\u00e1n", null, null, "Lakeside Motors", null, null, null, null, null));
    assertTrue(accented.body().contains("Hi Siobh\u00e1n,"), accented.body());
    assertEquals("2 segments UCS-2", accented.smsSegments().describe(), "131 characters: over the 70 of UCS-2");
  }

  @Test
  void renderingNeverThrowsWhenValuesMakeATextTooLong() {
    TemplateContext verbose = MessageTemplates.WORST_CASE.withUnsubscribeUrl(null);
    TemplateContext huge = new TemplateContext(verbose.firstName(), null, "x".repeat(200), verbose.dealershipName(),
        null, null, null, null, null);
    RenderedMessage text = templates.render(Channel.SMS, "follow-up", huge);
    assertEquals(3, text.smsSegments().segments(), text.body());
  }

  @Test
  void agentFirstNameAndUnsubscribeUrlRules() {
    assertEquals("Maria", FULL.agentFirstName());
    assertNull(MINIMAL.agentFirstName());
    assertNull(FULL.withUnsubscribeUrl("  ").unsubscribeUrl());
    assertThrows(IllegalArgumentException.class, () -> FULL.withUnsubscribeUrl("javascript:alert(1)"));
    assertThrows(IllegalArgumentException.class, () -> FULL.withUnsubscribeUrl("/unsubscribe/abc"));
  }

  @Test
  void verifyNamesAMissingTemplateFile(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.delete(dir.resolve("sms").resolve("in-stock.mustache"));
    assertVerifyFails(dir, "missing template file", "in-stock.mustache", "sms template 'in-stock'");
  }

  @Test
  void verifyNamesAMissingAgentTemplateWhateverThePlansUse(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.delete(dir.resolve("agent").resolve("task.sms.mustache"));
    assertVerifyFails(dir, "missing template file", "task.sms.mustache", "agent sms template 'task'");
  }

  @Test
  void verifyChecksAgentTemplatesWithTheirOwnPlaceholdersAndLength(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("agent").resolve("alert.txt.mustache"), "Hi {{firstName}}\n");
    Files.writeString(dir.resolve("agent").resolve("task.sms.mustache"),
        "{{note}} {{script}} {{reason}} {{vehicle}}\n");
    assertVerifyFails(dir, "unknown placeholder {{firstName}}", "alert.txt.mustache",
        "agent sms template 'task' needs 3 segments");
  }

  @Test
  void verifyNamesAMissingHtmlBody(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.delete(dir.resolve("email").resolve("options.html.mustache"));
    assertVerifyFails(dir, "missing template file", "options.html.mustache", "email template 'options'");
  }

  @Test
  void verifyNamesAnUnknownPlaceholder(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("email").resolve("final.txt.mustache"),
        "Hi {{firstName}}, your salesperson {{salesRep}} says hi. {{#vehicle}}{{vehicleColour}}{{/vehicle}}\n"
            + "{{> _closing.txt.mustache}}\n");
    assertVerifyFails(dir, "{{salesRep}}", "{{vehicleColour}}", "final.txt.mustache");
  }

  @Test
  void verifyRejectsATextOverTwoSegments(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("sms").resolve("check-in.mustache"), "{{dealershipName}}: Hi {{firstName}}, "
        + "we wanted to share a long update about financing, trade-in values, service specials, extended "
        + "warranties, accessories, our new showroom hours and the weekend test-drive event, plus a reminder "
        + "that {{#agentName}}{{agentName}}{{/agentName}}{{^agentName}}our team{{/agentName}} is happy to answer "
        + "any question you may have about {{#vehicle}}the {{vehicle}}{{/vehicle}}{{^vehicle}}your search{{/vehicle}}."
        + " Reply STOP to opt out\n");
    assertVerifyFails(dir, "sms template 'check-in' needs 3 segments GSM-7", "at most 2 allowed");
  }

  @Test
  void verifyRejectsATextThatIsNotGsm7(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("sms").resolve("follow-up.mustache"),
        "{{dealershipName}}: Hi {{firstName}}, we\u2019re here when you are. Reply STOP to opt out\n");
    assertVerifyFails(dir, "sms template 'follow-up' is not GSM-7", "U+2019");
  }

  @Test
  void verifyRejectsAFirstTextWithoutStopOrDealership(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Path intro = dir.resolve("sms").resolve("intro.mustache");
    Files.writeString(intro, "{{dealershipName}}: Hi {{firstName}}, when can we talk?\n");
    assertVerifyFails(dir, "sms template 'intro' is the first text", "Reply STOP to opt out");
    Files.writeString(intro, "Hi {{firstName}}, when can we talk? Reply STOP to opt out\n");
    assertVerifyFails(dir, "sms template 'intro' is the first text", "{{dealershipName}}");
  }

  @Test
  void verifyRejectsAnEmailWithoutUnsubscribeLine(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Files.writeString(dir.resolve("email").resolve("nurture.txt.mustache"), "Hi {{firstName}},\n\nBye.\n");
    assertVerifyFails(dir, "email template 'nurture' (text) must end with an unsubscribe line");
  }

  @Test
  void verifyRejectsUnescapedValuesInHtml(@TempDir Path dir) throws IOException {
    copyRepoTemplates(dir);
    Path html = dir.resolve("email").resolve("ack.html.mustache");
    Files.writeString(html, Files.readString(html).replace("Hi {{firstName}},", "Hi {{{firstName}}},"));
    assertVerifyFails(dir, "unescaped value", "ack.html.mustache");
  }

  @Test
  void aMissingDirectoryFailsAtConstruction(@TempDir Path dir) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MessageTemplates(dir.resolve("nope")));
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains("nope"));
  }

  private static void assertVerifyFails(Path dir, String... fragments) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MessageTemplates(dir).verify(ALL_TEMPLATES));
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
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
