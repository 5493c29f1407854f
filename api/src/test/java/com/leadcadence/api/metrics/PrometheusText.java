package com.leadcadence.api.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4 (what Prometheus itself accepts): HELP
 * and TYPE lines, samples {@code name{label="value",...} value [timestamp]} with escaped label values.
 * Anything else (a bad name, an unescaped quote, a value that is no number, a sample of a family whose
 * TYPE came after it, the same series twice, two TYPEs for one family) throws, naming the line.
 * The Prometheus Java client of this build has no parser, hence this one (tested in PrometheusTextTest).
 */
public final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "_max");

  /** One sample: its name, its labels (sorted by name) and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** Every sample, and each family's TYPE. */
  public record Scrape(List<Sample> samples, Map<String, String> types) {
    public Set<String> names() {
      Set<String> names = new HashSet<>();
      samples.forEach(s -> names.add(s.name()));
      return names;
    }

    public List<Sample> named(String name) {
      return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample with this name and these labels (others may exist besides). */
    public double value(String name, Map<String, String> labels) {
      List<Sample> found = samples.stream()
          .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
          .toList();
      if (found.size() != 1) {
        throw new AssertionError(found.size() + " samples " + name + labels + " in the scrape: " + named(name));
      }
      return found.get(0).value();
    }
  }

  private PrometheusText() {}

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Set<String> familiesWithSamples = new HashSet<>();
    String[] lines = text.split("\n", -1);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the text does not end with a line feed");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          comment(line, types, familiesWithSamples);
          continue;
        }
        Sample sample = sample(line);
        String family = family(sample.name(), types);
        if (!types.containsKey(family)) {
          throw new IllegalArgumentException("no TYPE for " + sample.name() + " before its sample");
        }
        familiesWithSamples.add(family);
        if (!seen.add(sample.name() + sample.labels())) {
          throw new IllegalArgumentException("the series " + sample.name() + sample.labels() + " twice");
        }
        samples.add(sample);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return new Scrape(Collections.unmodifiableList(samples), Collections.unmodifiableMap(types));
  }

  private static void comment(String line, Map<String, String> types, Set<String> familiesWithSamples) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
      return; // a plain comment
    }
    if (!METRIC_NAME.matcher(parts[2]).matches()) {
      throw new IllegalArgumentException("bad metric name " + parts[2]);
    }
    if (parts[1].equals("TYPE")) {
      String type = parts.length == 4 ? parts[3] : "";
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("unknown type " + type);
      }
      if (types.containsKey(parts[2])) {
        throw new IllegalArgumentException("a second TYPE for " + parts[2]);
      }
      if (familiesWithSamples.contains(parts[2])) {
        throw new IllegalArgumentException("TYPE for " + parts[2] + " after its samples");
      }
      types.put(parts[2], type);
    }
  }

  /** The family a sample belongs to: its own name, or its name without a histogram/summary/counter suffix. */
  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name '" + name + "'");
    }
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("no value");
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length < 1 || rest.length > 2) {
      throw new IllegalArgumentException("expected a value and at most a timestamp");
    }
    double value = number(rest[0]);
    if (rest.length == 2) {
      try {
        Long.parseLong(rest[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad timestamp " + rest[1]);
      }
    }
    return new Sample(name, Collections.unmodifiableMap(labels), value);
  }

  /** Reads label="value" pairs after '{'; returns the index after '}'. */
  private static int labels(String line, int i, Map<String, String> labels) {
    Map<String, String> read = new HashMap<>();
    while (true) {
      if (i < line.length() && line.charAt(i) == '}') {
        labels.putAll(read);
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0) {
        throw new IllegalArgumentException("a label without '='");
      }
      String label = line.substring(i, eq);
      if (!LABEL_NAME.matcher(label).matches()) {
        throw new IllegalArgumentException("bad label name '" + label + "'");
      }
      if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("label " + label + " has no quoted value");
      }
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (true) {
        if (j >= line.length()) {
          throw new IllegalArgumentException("label " + label + "'s value is not closed");
        }
        char c = line.charAt(j);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          char next = j + 1 < line.length() ? line.charAt(j + 1) : ' ';
          switch (next) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException("bad escape in label " + label);
          }
          j += 2;
          continue;
        }
        value.append(c);
        j++;
      }
      if (read.put(label, value.toString()) != null) {
        throw new IllegalArgumentException("label " + label + " twice");
      }
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw new IllegalArgumentException("expected ',' or '}' after label " + label);
      }
    }
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
          throw new IllegalArgumentException("bad value '" + text + "'");
        }
        yield Double.parseDouble(text);
      }
    };
  }
}
