package com.leadcadence.activities.templates;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a template may use. Every one but firstName and dealershipName may be missing; templates
 * use {{#x}}..{{/x}} / {{^x}}..{{/x}} sections to read well either way. Blank values count as missing.
 */
public record TemplateContext(
    String firstName,
    String lastName,
    String vehicle,
    String dealershipName,
    String agentName,
    String agentPhone,
    String dealershipPhone,
    Integer stockCount) {

  /** The placeholder names templates may use (checked by MessageTemplates.verify). */
  public static final Set<String> PLACEHOLDERS = Set.of("firstName", "lastName", "vehicle", "dealershipName",
      "agentName", "agentPhone", "dealershipPhone", "stockCount");

  public TemplateContext {
    firstName = blankToNull(firstName);
    lastName = blankToNull(lastName);
    vehicle = blankToNull(vehicle);
    dealershipName = blankToNull(dealershipName);
    agentName = blankToNull(agentName);
    agentPhone = blankToNull(agentPhone);
    dealershipPhone = blankToNull(dealershipPhone);
    stockCount = stockCount != null && stockCount <= 0 ? null : stockCount;
  }

  /** From the lead's row, its dealership and its agent (null when none is assigned). No stock data yet. */
  public static TemplateContext of(LeadRow lead, DealershipRow dealership, AgentRow agent) {
    return new TemplateContext(lead.firstName(), lead.lastName(), lead.vehicle().describe(), dealership.name(),
        agent == null ? null : agent.name(), agent == null ? null : agent.phone(), dealership.senderPhone(), null);
  }

  /** The values present, by placeholder name (a missing one is absent, so {{^x}} sections render). */
  Map<String, Object> scope() {
    Map<String, Object> scope = new LinkedHashMap<>();
    put(scope, "firstName", firstName);
    put(scope, "lastName", lastName);
    put(scope, "vehicle", vehicle);
    put(scope, "dealershipName", dealershipName);
    put(scope, "agentName", agentName);
    put(scope, "agentPhone", agentPhone);
    put(scope, "dealershipPhone", dealershipPhone);
    put(scope, "stockCount", stockCount);
    return scope;
  }

  private static void put(Map<String, Object> scope, String key, Object value) {
    if (value != null) {
      scope.put(key, value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
