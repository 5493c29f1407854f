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
import java.util.Set;
import java.util.TreeSet;

/**
 * Message templates (Mustache) under one directory: {@code email/<id>.subject.mustache} and
 * {@code email/<id>.txt.mustache}, {@code sms/<id>.mustache}, {@code voicemail/<id>.mustache},
 * {@code call/<id>.mustache} (the agent's task text). Output is plain text: values are not HTML-escaped.
 */
public final class MessageTemplates {
  /** Relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of("config", "templates");

  private final Path directory;
  private final DefaultMustacheFactory factory;

  public MessageTemplates(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("Message template directory " + directory.toAbsolutePath()
          + " does not exist (templates.directory, relative to the working directory)");
    }
    this.directory = directory;
    this.factory = new PlainTextMustacheFactory(directory);
  }

  public static MessageTemplates fromDefaultDirectory() {
    return new MessageTemplates(DEFAULT_DIRECTORY);
  }

  public Path directory() {
    return directory;
  }

  public RenderedMessage render(Channel channel, String templateId, TemplateContext context) {
    List<String> files = files(channel, templateId);
    if (channel == Channel.EMAIL) {
      return new RenderedMessage(render(files.get(0), context), render(files.get(1), context));
    }
    return new RenderedMessage(null, render(files.get(0), context));
  }

  /**
   * Checks that every template exists and uses only {@link TemplateContext#PLACEHOLDERS}; throws
   * IllegalStateException naming every problem, so a bad template stops the start, not a lead on day 14.
   */
  public void verify(Set<TemplateRef> refs) {
    List<String> problems = new ArrayList<>();
    for (TemplateRef ref : refs) {
      for (String file : files(ref.channel(), ref.templateId())) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
          problems.add("missing template file " + path + " (" + ref.channel() + " template '"
              + ref.templateId() + "')");
          continue;
        }
        Set<String> unknown = new TreeSet<>();
        try {
          collectUnknownNames(factory.compile(file).getCodes(), unknown);
        } catch (RuntimeException e) {
          problems.add("template " + path + " does not compile: " + e.getMessage());
          continue;
        }
        for (String name : unknown) {
          problems.add("unknown placeholder {{" + name + "}} in " + path + " (allowed: "
              + new TreeSet<>(TemplateContext.PLACEHOLDERS) + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Message templates under " + directory + " are not usable:\n  "
          + String.join("\n  ", problems));
    }
  }

  private static void collectUnknownNames(Code[] codes, Set<String> unknown) {
    if (codes == null) {
      return;
    }
    for (Code code : codes) {
      if (code instanceof PartialCode) {
        unknown.add(">" + code.getName());
      } else if (code instanceof ValueCode || code instanceof IterableCode) {
        if (!TemplateContext.PLACEHOLDERS.contains(code.getName())) {
          unknown.add(code.getName());
        }
      }
      collectUnknownNames(code.getCodes(), unknown);
    }
  }

  /** The files of a template, relative to the directory; email: subject then body. */
  private static List<String> files(Channel channel, String templateId) {
    if (templateId == null || !templateId.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("bad template id '" + templateId + "'");
    }
    return switch (channel) {
      case EMAIL -> List.of("email/" + templateId + ".subject.mustache", "email/" + templateId + ".txt.mustache");
      case SMS -> List.of("sms/" + templateId + ".mustache");
      case VOICEMAIL -> List.of("voicemail/" + templateId + ".mustache");
      case CALL -> List.of("call/" + templateId + ".mustache");
    };
  }

  private String render(String file, TemplateContext context) {
    if (!Files.isRegularFile(directory.resolve(file))) {
      throw new IllegalStateException("missing template file " + directory.resolve(file));
    }
    Mustache mustache = factory.compile(file);
    StringWriter out = new StringWriter();
    mustache.execute(out, context.scope());
    // Templates end with a newline and sections leave blank runs: normalise to single spaces per line.
    return out.toString().strip()
        .replaceAll("[ \\t]+", " ")
        .replaceAll(" ?\n ?", "\n")
        .replaceAll("\n{3,}", "\n\n");
  }

  /** Writes values as they are: these are texts, emails in plain text, and voice scripts, not HTML. */
  private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
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
}
