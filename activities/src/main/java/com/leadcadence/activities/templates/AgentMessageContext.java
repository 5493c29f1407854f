package com.leadcadence.activities.templates;

import static com.leadcadence.activities.templates.TemplateValues.blankToNull;
import static com.leadcadence.activities.templates.TemplateValues.requireHttpUrl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values an agent or manager notification ({@code agent/*} templates) may use. These go to our own
 * staff, not to the lead, so they carry what a BDC agent acts on: what to do, about whom, by when. The
 * lead is "Jane D." (first name and last initial): enough to recognise, no more than a lock screen needs.
 * Only kind, leadName and dealershipName are always present; blank values count as missing, so templates
 * use {{#x}}..{{/x}} sections for the rest.
 *
 * @param recipientFirstName the agent or manager being told
 * @param kind what the task is, as the agent says it ("CALL", "CALL BACK NOW"), or "ALERT"
 * @param due when the task is due in the dealership's zone ("10:05 AM", "Tue 9:30 AM")
 * @param dueIn how far that is from now ("5 min", "1 h 20 min", "now", "overdue 3 min")
 * @param attempt the lead's call attempt a CALL task is (1, 2, ...)
 * @param note the task's note (may quote the lead; emails only, texts stay short)
 * @param script what to say on a call (emails only)
 * @param reason why managers are alerted
 * @param assignedAgent the lead's agent, for managers
 * @param agentUrl the agents' page, an absolute http(s) URL
 */
public record AgentMessageContext(
    String recipientFirstName,
    String kind,
    String leadName,
    String vehicle,
    String grade,
    Integer score,
    String due,
    String dueIn,
    Integer attempt,
    String note,
    String script,
    String reason,
    String assignedAgent,
    String dealershipName,
    String agentUrl) {

  /** The placeholder names agent templates may use (checked by MessageTemplates.verify). */
  public static final Set<String> PLACEHOLDERS = Set.of("recipientFirstName", "kind", "leadName", "vehicle",
      "grade", "score", "due", "dueIn", "attempt", "note", "script", "reason", "assignedAgent", "dealershipName",
      "agentUrl");

  /** Long but realistic values, every option set: what verify renders to bound a text's length. */
  static final AgentMessageContext WORST_CASE = new AgentMessageContext("Maximiliana-Josefa", "CALL BACK NOW",
      "Maximiliana-Josefa W.", "2025 Mercedes-Benz GLE 450e 4MATIC Coupe", "A", 100, "Wed 10:05 PM",
      "overdue 23 h 59 min", 12,
      "Customer replied: can you do 2.9% APR over 72 months with my 2019 trade, and is the white one still there?",
      "Hi, this is Alexandria Montgomery from Northwest Suburban Chevrolet Buick GMC, following up on the "
          + "2025 Mercedes-Benz GLE 450e 4MATIC Coupe you asked about.",
      "grade A lead uncontacted 15 minutes after the cadence started (task 123456789 slipped)",
      "Alexandria Montgomery", "Northwest Suburban Chevrolet Buick GMC",
      "https://leads.example-auto-group.com/agent/");
  /** Only the required values. */
  static final AgentMessageContext SPARSE = new AgentMessageContext(null, "CALL", "Maximiliana-Josefa W.", null,
      null, null, null, null, null, null, null, null, null, WORST_CASE.dealershipName(), null);

  public AgentMessageContext {
    recipientFirstName = blankToNull(recipientFirstName);
    kind = blankToNull(kind);
    leadName = blankToNull(leadName);
    vehicle = blankToNull(vehicle);
    grade = blankToNull(grade);
    due = blankToNull(due);
    dueIn = blankToNull(dueIn);
    attempt = attempt != null && attempt <= 0 ? null : attempt;
    note = blankToNull(note);
    script = blankToNull(script);
    reason = blankToNull(reason);
    assignedAgent = blankToNull(assignedAgent);
    dealershipName = blankToNull(dealershipName);
    agentUrl = blankToNull(agentUrl);
    requireHttpUrl("agentUrl", agentUrl);
  }

  /** "Jane D." from "Jane" and "Doe"; whichever name there is without the other; "a lead" without either. */
  public static String shortName(String firstName, String lastName) {
    String first = blankToNull(firstName);
    String last = blankToNull(lastName);
    if (first == null) {
      return last == null ? "a lead" : last;
    }
    return last == null ? first : first + " " + last.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ".";
  }

  /** The values present, by placeholder name (a missing one is absent, so {{^x}} sections render). */
  Map<String, Object> scope() {
    Map<String, Object> scope = new LinkedHashMap<>();
    put(scope, "recipientFirstName", recipientFirstName);
    put(scope, "kind", kind);
    put(scope, "leadName", leadName);
    put(scope, "vehicle", vehicle);
    put(scope, "grade", grade);
    put(scope, "score", score);
    put(scope, "due", due);
    put(scope, "dueIn", dueIn);
    put(scope, "attempt", attempt);
    put(scope, "note", note);
    put(scope, "script", script);
    put(scope, "reason", reason);
    put(scope, "assignedAgent", assignedAgent);
    put(scope, "dealershipName", dealershipName);
    put(scope, "agentUrl", agentUrl);
    return scope;
  }

  private static void put(Map<String, Object> scope, String key, Object value) {
    if (value != null) {
      scope.put(key, value);
    }
  }
}
