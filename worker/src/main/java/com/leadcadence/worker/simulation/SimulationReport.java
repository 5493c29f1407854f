package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.model.Channel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures per plan, as a table for the terminal and as CSV (one row per plan). */
public final class SimulationReport {
  static final List<String> COLUMNS = List.of("plan", "leads", "contact_rate", "appointment_rate",
      "median_minutes_to_contact", "p90_minutes_to_contact", "touches_email", "touches_call", "touches_sms",
      "touches_voicemail", "opt_outs", "quiet_hour_refusals", "consent_refusals", "skipped_stale", "failed",
      "manager_alerts");

  private SimulationReport() {}

  public static void print(List<PlanOutcome> outcomes, PrintStream out) {
    out.printf(Locale.ROOT, "%-14s %6s %8s %8s %10s %10s %6s %6s %6s %6s %8s %7s %8s%n", "plan", "leads",
        "contact", "appt", "median", "p90", "email", "call", "sms", "vm", "opt-outs", "quiet", "consent");
    for (PlanOutcome o : outcomes) {
      out.printf(Locale.ROOT, "%-14s %6d %7.1f%% %7.1f%% %10s %10s %6d %6d %6d %6d %8d %7d %8d%n", o.plan(),
          o.leads(), 100 * o.contactRate(), 100 * o.appointmentRate(), minutes(o.medianMinutesToContact()),
          minutes(o.p90MinutesToContact()), o.touchesByChannel().get(Channel.EMAIL),
          o.touchesByChannel().get(Channel.CALL), o.touchesByChannel().get(Channel.SMS),
          o.touchesByChannel().get(Channel.VOICEMAIL), o.optOuts(), o.quietHourRefusals(), o.consentRefusals());
    }
    out.println("(contact and appointment: share of all leads within the horizon; median and p90: time from"
        + " arrival to first contact; quiet and consent: sends the simulator refused, must be 0)");
  }

  public static void writeCsv(List<PlanOutcome> outcomes, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", COLUMNS));
    for (PlanOutcome o : outcomes) {
      lines.add(String.join(",", List.of(csvText(o.plan()), String.valueOf(o.leads()),
          ratio(o.contactRate()), ratio(o.appointmentRate()), number(o.medianMinutesToContact()),
          number(o.p90MinutesToContact()), count(o, Channel.EMAIL), count(o, Channel.CALL), count(o, Channel.SMS),
          count(o, Channel.VOICEMAIL), String.valueOf(o.optOuts()), String.valueOf(o.quietHourRefusals()),
          String.valueOf(o.consentRefusals()), String.valueOf(o.skippedStale()), String.valueOf(o.failed()),
          String.valueOf(o.managerAlerts()))));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines);
  }

  private static String count(PlanOutcome o, Channel channel) {
    return String.valueOf(o.touchesByChannel().get(channel));
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.4f", r);
  }

  private static String number(Double minutes) {
    return minutes == null ? "" : String.format(Locale.ROOT, "%.1f", minutes);
  }

  private static String minutes(Double minutes) {
    if (minutes == null) {
      return "-";
    }
    return minutes < 120 ? String.format(Locale.ROOT, "%.1f min", minutes)
        : String.format(Locale.ROOT, "%.1f h", minutes / 60);
  }

  private static String csvText(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
