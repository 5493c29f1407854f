package com.leadcadence.api.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The funnel report as CSV: a header, one line per group, the total, then the seed article's
 * benchmarks as two lines (low and high; a target alone fills both). Times in seconds, rates 0..1,
 * an empty cell where the report has null.
 */
public final class FunnelCsv {
  static final List<String> CHANNELS = List.of("EMAIL", "SMS", "CALL", "VOICEMAIL");
  public static final String HEADER = "key,label,leads,firstResponseMedianSeconds,firstResponseP90Seconds,"
      + "firstContactMedianSeconds,firstContactP90Seconds,attemptedWithin5MinRate,contactRate,appointmentRate,"
      + "appointmentRateOfContacted,soldRate,attemptsPerLead,responseRateEMAIL,responseRateSMS,responseRateCALL,"
      + "responseRateVOICEMAIL,optOutRate,bounceRate";

  private FunnelCsv() {}

  static String of(FunnelReport report) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (FunnelRow row : report.groups()) {
      line(csv, row);
    }
    line(csv, report.total());
    benchmarkLine(csv, "benchmark low", report.benchmarks(), true);
    benchmarkLine(csv, "benchmark high", report.benchmarks(), false);
    return csv.toString();
  }

  private static void line(StringBuilder csv, FunnelRow row) {
    List<Object> cells = new ArrayList<>(List.of(row.key(), row.label(), row.leads()));
    cells.add(row.firstResponseSeconds().median());
    cells.add(row.firstResponseSeconds().p90());
    cells.add(row.firstContactSeconds().median());
    cells.add(row.firstContactSeconds().p90());
    cells.add(row.attemptedWithin5MinRate());
    cells.add(row.contactRate());
    cells.add(row.appointmentRate());
    cells.add(row.appointmentRateOfContacted());
    cells.add(row.soldRate());
    cells.add(row.attemptsPerLead());
    CHANNELS.forEach(channel -> cells.add(row.responseRateByChannel().get(channel)));
    cells.add(row.optOutRate());
    cells.add(row.bounceRate());
    write(csv, cells);
  }

  private static void benchmarkLine(StringBuilder csv, String key, Map<String, Object> benchmarks, boolean low) {
    List<Object> cells = new ArrayList<>(List.of(key, key, ""));
    Object response = bound(benchmarks.get("firstResponseSeconds"), low);
    cells.add(response);
    cells.add(response);
    Object contact = bound(benchmarks.get("firstContactSeconds"), low);
    cells.add(contact);
    cells.add(contact);
    for (String metric : List.of("attemptedWithin5MinRate", "contactRate", "appointmentRate",
        "appointmentRateOfContacted", "soldRate", "attemptsPerLead")) {
      cells.add(bound(benchmarks.get(metric), low));
    }
    Map<?, ?> channels = (Map<?, ?>) benchmarks.get("responseRateByChannel");
    CHANNELS.forEach(channel -> cells.add(bound(channels.get(channel), low)));
    cells.add(bound(benchmarks.get("optOutRate"), low));
    cells.add(bound(benchmarks.get("bounceRate"), low));
    write(csv, cells);
  }

  private static Double bound(Object benchmark, boolean low) {
    if (!(benchmark instanceof Benchmark b)) {
      return null;
    }
    Double bound = low ? b.low() : b.high();
    return bound != null ? bound : b.target();
  }

  private static void write(StringBuilder csv, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet never runs a source name as a formula. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
