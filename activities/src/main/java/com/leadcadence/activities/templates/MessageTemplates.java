package com.leadcadence.activities.templates;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.plan.TemplateRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message templates (Mustache) under one directory: {@code email/<id>.subject.mustache},
 * {@code email/<id>.txt.mustache} and {@code email/<id>.html.mustache}, {@code sms/<id>.mustache},
 * {@code voicemail/<id>.mustache}, {@code call/<id>.mustache} (the agent's task text). Notifications to our
 * own staff live apart, with their own values ({@link AgentMessageContext}): {@code agent/<id>.sms.mustache},
 * {@code agent/<id>.subject.mustache} and {@code agent/<id>.txt.mustache} for each of
 * {@link #AGENT_TEMPLATES} (text-only email: an internal note needs no HTML part). Partials whose
 * name starts with "_" ({@code {{> _closing.txt.mustache}}}) are shared pieces, resolved next to the template.
 *
 * <p>Values are HTML-escaped in the HTML email body only; texts, plain-text emails and voice scripts get
 * them as they are. In texts, typographic punctuation in values (curly quotes, dashes, ellipsis) becomes
 * its GSM-7 equivalent, so an "O’Brien" from a CRM does not turn a text into a UCS-2 one at twice the cost.
 *
 * <p>{@link #verify} runs at startup and renders every template with worst-case and sparse values, so a
 * template that would fail, overflow two SMS segments or leave GSM-7 stops the start, not a lead on day 14.
 * It checks the agent templates too, whatever refs it is given: they are used by code, not by plans.
 * {@link #render} never throws for a missing optional value.
 */
public final class MessageTemplates {
  /** Relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of("config", "templates");
  /** What the first text of a cadence must carry, with the dealership's name. */
  public static final String STOP_LINE = "Reply STOP to opt out";
  /** The template of the first text of a cadence. */
  public static final String FIRST_TEXT_TEMPLATE = "intro";
  public static final int MAX_SMS_SEGMENTS = 2;
  /** The agent notifications: a task became the agent's; managers' alert about a slipping lead. */
  public static final String AGENT_TASK_TEMPLATE = "task";
  public static final String AGENT_ALERT_TEMPLATE = "alert";
  public static final List<String> AGENT_TEMPLATES = List.of(AGENT_TASK_TEMPLATE, AGENT_ALERT_TEMPLATE);

  /** Long but realistic values: ~20-character names, ~40-character dealership and vehicle, every option set. */
  static final TemplateContext WORST_CASE = new TemplateContext("Maximiliana-Josefa", "Worthington-Okafor",
      "2025 Mercedes-Benz GLE 450e 4MATIC Coupe", "Northwest Suburban Chevrolet Buick GMC", "Alexandria Montgomery",
      "+13125550111", "+13125550100", 12,
      "https://offers.example-auto-group.com/unsubscribe/3q2-7Yx_kLmNoPqRsTuVwXyZ0123456789abcdEFG");
  /** The same lead with only the required values. */
  static final TemplateContext SPARSE = new TemplateContext(WORST_CASE.firstName(), null, null,
      WORST_CASE.dealershipName(), null, null, null, null, null);

  private static final Logger log = LoggerFactory.getLogger(MessageTemplates.class);
  private static final String PARTIAL_PREFIX = "_";

  private final Path directory;
  private final DefaultMustacheFactory plain;
  private final DefaultMustacheFactory sms;
  private final DefaultMustacheFactory html;

  public MessageTemplates(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("Message template directory " + directory.toAbsolutePath()
          + " does not exist (templates.directory, relative to the working directory)");
    }
    this.directory = directory;
    this.plain = new PlainTextMustacheFactory(directory);
    this.sms = new SmsMustacheFactory(directory);
    this.html = new DefaultMustacheFactory(directory.toFile()); // HTML-escapes every {{value}}
  }

  public static MessageTemplates fromDefaultDirectory() {
    return new MessageTemplates(DEFAULT_DIRECTORY);
  }

  public Path directory() {
    return directory;
  }

  public RenderedMessage render(Channel channel, String templateId, TemplateContext context) {
    List<String> files = files(channel, templateId);
    Map<String, Object> scope = context.scope();
    return switch (channel) {
      case EMAIL -> RenderedMessage.email(render(files.get(0), scope).replace('\n', ' '),
          render(files.get(1), scope), render(files.get(2), scope));
      case SMS -> text(templateId, render(files.get(0), scope));
      case VOICEMAIL, CALL -> RenderedMessage.plain(render(files.get(0), scope));
    };
  }

  /** An agent notification ({@link #AGENT_TEMPLATES}) by SMS, or by EMAIL (subject and text, no HTML). */
  public RenderedMessage renderForAgent(Channel channel, String templateId, AgentMessageContext context) {
    List<String> files = agentFiles(channel, templateId);
    Map<String, Object> scope = context.scope();
    return switch (channel) {
      case SMS -> text("agent/" + templateId, render(files.get(0), scope));
      case EMAIL -> RenderedMessage.email(render(files.get(0), scope).replace('\n', ' '),
          render(files.get(1), scope), null);
      case VOICEMAIL, CALL -> throw new IllegalArgumentException("agents are notified by SMS or EMAIL");
    };
  }

  private static RenderedMessage text(String templateId, String body) {
    RenderedMessage text = RenderedMessage.sms(body);
    SmsSegments segments = text.smsSegments();
    if (segments.segments() > MAX_SMS_SEGMENTS || !segments.isGsm7()) {
      // Sent anyway (the reader is better served late and costly than never); the values are the cause.
      log.warn("sms template '{}' rendered to {} ({} units); first non-GSM-7 character: {}",
          templateId, segments.describe(), segments.units(), SmsSegments.firstNonGsm7(text.body()));
    }
    return text;
  }

  /** Whether every file the template needs is there (a plan naming it can be performed). */
  public boolean exists(TemplateRef ref) {
    return files(ref.channel(), ref.templateId()).stream().allMatch(f -> Files.isRegularFile(directory.resolve(f)));
  }

  /**
   * Whether this text template can open a cadence's texting: rendered with long values, it names the
   * dealership and says "{@value #STOP_LINE}" (the opt-out notice the first text to a lead must carry).
   */
  public boolean announcesOptOut(String smsTemplateId) {
    try {
      String text = render(Channel.SMS, smsTemplateId, WORST_CASE).body();
      return text.contains(WORST_CASE.dealershipName()) && text.contains(STOP_LINE);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Checks every template the refs name: the files exist and compile, use only
   * {@link TemplateContext#PLACEHOLDERS}, never write an unescaped value into HTML, render with every
   * optional value present and with all of them missing; texts stay GSM-7 within {@value #MAX_SMS_SEGMENTS}
   * segments, the first text ({@value #FIRST_TEXT_TEMPLATE}) names the dealership and says
   * "{@value #STOP_LINE}", and every email body ends with an unsubscribe line. Throws IllegalStateException
   * naming every problem.
   */
  public void verify(Set<TemplateRef> refs) {
    List<String> problems = new ArrayList<>();
    for (TemplateRef ref : refs) {
      int before = problems.size();
      String where = describe(ref);
      for (String file : files(ref.channel(), ref.templateId())) {
        checkSource(where, file, TemplateContext.PLACEHOLDERS, problems);
      }
      if (problems.size() == before) {
        checkRenders(ref, problems);
      }
    }
    verifyAgentTemplates(problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Message templates under " + directory + " are not usable:\n  "
          + String.join("\n  ", problems));
    }
  }

  /** Every agent template, by SMS and by email: same file, placeholder and text checks as the lead's. */
  private void verifyAgentTemplates(List<String> problems) {
    for (String templateId : AGENT_TEMPLATES) {
      for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
        int before = problems.size();
        String where = "agent " + channel.name().toLowerCase(Locale.ROOT) + " template '" + templateId + "'";
        for (String file : agentFiles(channel, templateId)) {
          checkSource(where, file, AgentMessageContext.PLACEHOLDERS, problems);
        }
        if (problems.size() != before) {
          continue;
        }
        for (AgentMessageContext context : List.of(AgentMessageContext.WORST_CASE, AgentMessageContext.SPARSE)) {
          String values = context == AgentMessageContext.WORST_CASE ? "long values" : "only the required values";
          try {
            RenderedMessage message = renderForAgent(channel, templateId, context);
            if (channel == Channel.SMS) {
              checkText(where, values, null, templateId, message, problems);
            }
          } catch (RuntimeException e) {
            problems.add(where + " does not render with " + values + ": " + e);
          }
        }
      }
    }
  }

  private void checkSource(String where, String file, Set<String> allowed, List<String> problems) {
    Path path = directory.resolve(file);
    if (!Files.isRegularFile(path)) {
      problems.add("missing template file " + path + " (" + where + ")");
      return;
    }
    Set<String> unknown = new TreeSet<>();
    Set<String> partials = new TreeSet<>();
    try {
      collectNames(factoryFor(file).compile(file).getCodes(), allowed, unknown, partials, 0);
    } catch (RuntimeException e) {
      problems.add("template " + path + " does not compile: " + e.getMessage());
      return;
    }
    for (String name : unknown) {
      problems.add("unknown placeholder {{" + name + "}} in " + path + " (allowed: " + new TreeSet<>(allowed) + ")");
    }
    if (file.endsWith(".html.mustache")) {
      String dir = file.substring(0, file.lastIndexOf('/') + 1);
      List<String> sources = new ArrayList<>(List.of(file));
      partials.forEach(p -> sources.add(dir + p));
      for (String source : sources) {
        if (writesUnescaped(directory.resolve(source))) {
          problems.add("unescaped value ({{{x}}}, {{&x}} or a delimiter change) in HTML template "
              + directory.resolve(source) + ": every value must be HTML-escaped");
        }
      }
    }
  }

  private void checkRenders(TemplateRef ref, List<String> problems) {
    String where = describe(ref);
    for (TemplateContext context : List.of(WORST_CASE, SPARSE)) {
      String values = context == WORST_CASE ? "long values" : "only the required values";
      RenderedMessage message;
      try {
        message = render(ref.channel(), ref.templateId(), context);
      } catch (RuntimeException e) {
        problems.add(where + " does not render with " + values + ": " + e);
        continue;
      }
      if (ref.channel() == Channel.SMS) {
        checkText(where, values, context, ref.templateId(), message, problems);
      } else if (ref.channel() == Channel.EMAIL) {
        checkUnsubscribeLine(where + " (text)", values, context, message.body(), true, problems);
        checkUnsubscribeLine(where + " (html)", values, context, message.html(), false, problems);
      }
    }
  }

  private static void checkText(String where, String values, TemplateContext context, String templateId,
      RenderedMessage message, List<String> problems) {
    SmsSegments segments = message.smsSegments();
    String text = message.body();
    if (!segments.isGsm7()) {
      problems.add(where + " is not GSM-7 (" + SmsSegments.firstNonGsm7(text) + "), so every text costs "
          + "about twice as much; use plain characters: " + text);
    }
    if (segments.segments() > MAX_SMS_SEGMENTS) {
      problems.add(where + " needs " + segments.describe() + " (" + segments.units() + " units) with " + values
          + "; at most " + MAX_SMS_SEGMENTS + " allowed: " + text);
    }
    if (context != null && templateId.equals(FIRST_TEXT_TEMPLATE)
        && (!text.contains(context.dealershipName()) || !text.contains(STOP_LINE))) {
      problems.add(where + " is the first text of a cadence: it must name the dealership ({{dealershipName}}) "
          + "and say \"" + STOP_LINE + "\"; with " + values + " it reads: " + text);
    }
  }

  private static void checkUnsubscribeLine(String where, String values, TemplateContext context, String body,
      boolean lastLine, List<String> problems) {
    String tail = lastLine ? body.substring(body.lastIndexOf('\n') + 1) : body;
    boolean ok = context.unsubscribeUrl() != null
        ? tail.contains(context.unsubscribeUrl())
        : tail.toLowerCase(Locale.ROOT).contains("unsubscribe");
    if (!ok) {
      problems.add(where + " must " + (lastLine ? "end with" : "contain") + " an unsubscribe line ("
          + (context.unsubscribeUrl() != null ? "{{unsubscribeUrl}}" : "a sentence without it") + ") with "
          + values);
    }
  }

  private static String describe(TemplateRef ref) {
    return ref.channel().name().toLowerCase(Locale.ROOT) + " template '" + ref.templateId() + "'";
  }

  /** Walks compiled codes (into sections and partials) for names outside the placeholders. */
  private static void collectNames(Code[] codes, Set<String> allowed, Set<String> unknown, Set<String> partials,
      int depth) {
    if (codes == null || depth > 8) {
      return;
    }
    for (Code code : codes) {
      if (code instanceof PartialCode) {
        if (code.getName().startsWith(PARTIAL_PREFIX)) {
          partials.add(code.getName());
        } else {
          unknown.add(">" + code.getName() + " (partials are named _something)");
        }
      } else if (code instanceof ValueCode || code instanceof IterableCode) {
        if (!allowed.contains(code.getName())) {
          unknown.add(code.getName());
        }
      }
      collectNames(code.getCodes(), allowed, unknown, partials, depth + 1);
    }
  }

  private static boolean writesUnescaped(Path source) {
    try {
      String text = Files.readString(source);
      return text.contains("{{{") || text.contains("{{&") || text.contains("{{=");
    } catch (IOException e) {
      return false; // a missing partial already failed to compile
    }
  }

  /** The files of a template, relative to the directory; email: subject, text body, HTML body. */
  private static List<String> files(Channel channel, String templateId) {
    if (templateId == null || !templateId.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("bad template id '" + templateId + "'");
    }
    return switch (channel) {
      case EMAIL -> List.of("email/" + templateId + ".subject.mustache", "email/" + templateId + ".txt.mustache",
          "email/" + templateId + ".html.mustache");
      case SMS -> List.of("sms/" + templateId + ".mustache");
      case VOICEMAIL -> List.of("voicemail/" + templateId + ".mustache");
      case CALL -> List.of("call/" + templateId + ".mustache");
    };
  }

  /** The files of an agent template: SMS the text; email the subject and the text body. */
  private static List<String> agentFiles(Channel channel, String templateId) {
    if (!AGENT_TEMPLATES.contains(templateId)) {
      throw new IllegalArgumentException("unknown agent template '" + templateId + "'");
    }
    String base = "agent/" + templateId;
    return switch (channel) {
      case SMS -> List.of(base + ".sms.mustache");
      case EMAIL -> List.of(base + ".subject.mustache", base + ".txt.mustache");
      case VOICEMAIL, CALL -> throw new IllegalArgumentException("agents are notified by SMS or EMAIL");
    };
  }

  private DefaultMustacheFactory factoryFor(String file) {
    if (file.endsWith(".html.mustache")) {
      return html;
    }
    return file.startsWith("sms/") || file.endsWith(".sms.mustache") ? sms : plain;
  }

  private String render(String file, Map<String, Object> scope) {
    if (!Files.isRegularFile(directory.resolve(file))) {
      throw new IllegalStateException("missing template file " + directory.resolve(file));
    }
    Mustache mustache = factoryFor(file).compile(file);
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    if (file.endsWith(".html.mustache")) {
      return out.toString().strip();
    }
    // Templates end with a newline and sections leave blank runs: normalise to single spaces per line.
    return out.toString().strip()
        .replaceAll("[ \\t]+", " ")
        .replaceAll(" ?\n ?", "\n")
        .replaceAll("\n{3,}", "\n\n");
  }

  /** Writes values as they are: these are texts, emails in plain text, and voice scripts, not HTML. */
  private static class PlainTextMustacheFactory extends DefaultMustacheFactory {
    PlainTextMustacheFactory(Path root) {
      super(root.toFile());
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Plain text whose values swap typographic punctuation for GSM-7 characters. */
  private static final class SmsMustacheFactory extends PlainTextMustacheFactory {
    private static final Map<Character, String> GSM_EQUIVALENTS = Map.ofEntries(
        Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u2032', "'"),
        Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""), Map.entry('\u2033', "\""),
        Map.entry('\u2010', "-"), Map.entry('\u2011', "-"), Map.entry('\u2012', "-"), Map.entry('\u2013', "-"),
        Map.entry('\u2014', "-"), Map.entry('\u2212', "-"), Map.entry('\u2026', "..."),
        Map.entry('\u00A0', " "), Map.entry('\u2009', " "), Map.entry('\u202F', " "));

    SmsMustacheFactory(Path root) {
      super(root);
    }

    @Override
    public void encode(String value, Writer writer) {
      StringBuilder sb = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        sb.append(GSM_EQUIVALENTS.getOrDefault(c, String.valueOf(c)));
      }
      super.encode(sb.toString(), writer);
    }
  }
}
