package com.leadcadence.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard in docker/grafana and the metric names its PromQL queries read. */
public final class DashboardQueries {
  /** From the api module's directory, where the tests run. */
  public static final Path DOCKER = Path.of("..", "docker");
  public static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/lead-cadence.json");

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern SELECTORS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "bool", "offset", "group_left", "group_right");

  private DashboardQueries() {}

  public static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(DASHBOARD.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, rows' nested panels included. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every PromQL expression of every panel. */
  public static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    return expressions;
  }

  /**
   * The metric names an expression reads: what is left of its identifiers once label matchers, strings,
   * ranges and by/without/on lists are gone, less functions (an identifier before '(') and keywords.
   */
  public static Set<String> metricNames(String expression) {
    String bare = STRINGS.matcher(expression).replaceAll("\"\"");
    bare = SELECTORS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String rest = bare.substring(identifier.end()).stripLeading();
      boolean function = rest.startsWith("(");
      boolean afterDigit = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
      if (!function && !afterDigit && !KEYWORDS.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }

  public static Set<String> metricNames(JsonNode dashboard) {
    Set<String> names = new TreeSet<>();
    expressions(dashboard).forEach(e -> names.addAll(metricNames(e)));
    return names;
  }
}
