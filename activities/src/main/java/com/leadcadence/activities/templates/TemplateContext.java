package com.leadcadence.activities.templates;

import static com.leadcadence.activities.templates.TemplateValues.blankToNull;
import static com.leadcadence.activities.templates.TemplateValues.requireHttpUrl;

import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a template may use. Every one but firstName and dealershipName may be missing; templates
 * use {{#x}}..{{/x}} / {{^x}}..{{/x}} sections to read well either way. Blank values count as missing.
 * {@code agentFirstName} is derived from agentName (its first word), for texts that sound like a person.
 * {@code unsubscribeUrl} is the lead's one-click unsubscribe page (http or https); emails fall back to a
 * reply-to-unsubscribe sentence without it.
 */
public record TemplateContext(
    String firstName,
    String lastName,
    String vehicle,
    String dealershipName,
    String agentName,
    String agentPhone,
    String dealershipPhone,
    Integer stockCount,
    String unsubscribeUrl) {

  /** The placeholder names templates may use (checked by MessageTemplates.verify). */
  public static final Set<String> PLACEHOLDERS = Set.of("firstName", "lastName", "vehicle", "dealershipName",
      "agentName", "agentFirstName", "agentPhone", "dealershipPhone", "stockCount", "unsubscribeUrl");

  public TemplateContext {
    firstName = blankToNull(firstName);
    lastName = blankToNull(lastName);
    vehicle = blankToNull(vehicle);
    dealershipName = blankToNull(dealershipName);
    agentName = blankToNull(agentName);
    agentPhone = blankToNull(agentPhone);
    dealershipPhone = blankToNull(dealershipPhone);
    stockCount = stockCount != null && stockCount <= 0 ? null : stockCount;
    unsubscribeUrl = blankToNull(unsubscribeUrl);
    requireHttpUrl("unsubscribeUrl", unsubscribeUrl);
  }

  /** Without an unsubscribe URL (the values templates had before one existed). */
  public TemplateContext(String firstName, String lastName, String vehicle, String dealershipName,
      String agentName, String agentPhone, String dealershipPhone, Integer stockCount) {
    this(firstName, lastName, vehicle, dealershipName, agentName, agentPhone, dealershipPhone, stockCount, null);
  }

  /** From the lead's row, its dealership and its agent (null when none is assigned). No stock data yet. */
  public static TemplateContext of(LeadRow lead, DealershipRow dealership, AgentRow agent) {
    return new TemplateContext(lead.firstName(), lead.lastName(), lead.vehicle().describe(), dealership.name(),
        agent == null ? null : agent.name(), agent == null ? null : agent.phone(), dealership.senderPhone(), null,
        null);
  }

  public TemplateContext withUnsubscribeUrl(String url) {
    return new TemplateContext(firstName, lastName, vehicle, dealershipName, agentName, agentPhone,
        dealershipPhone, stockCount, url);
  }

  public TemplateContext withStockCount(Integer count) {
    return new TemplateContext(firstName, lastName, vehicle, dealershipName, agentName, agentPhone,
        dealershipPhone, count, unsubscribeUrl);
  }

  /** The first word of agentName ("Maria" for "Maria Alvarez"), or null. */
  public String agentFirstName() {
    return agentName == null ? null : agentName.split("\\s+", 2)[0];
  }

  /** The values present, by placeholder name (a missing one is absent, so {{^x}} sections render). */
  Map<String, Object> scope() {
    Map<String, Object> scope = new LinkedHashMap<>();
    put(scope, "firstName", firstName);
    put(scope, "lastName", lastName);
    put(scope, "vehicle", vehicle);
    put(scope, "dealershipName", dealershipName);
    put(scope, "agentName", agentName);
    put(scope, "agentFirstName", agentFirstName());
    put(scope, "agentPhone", agentPhone);
    put(scope, "dealershipPhone", dealershipPhone);
    put(scope, "stockCount", stockCount);
    put(scope, "unsubscribeUrl", unsubscribeUrl);
    return scope;
  }

  private static void put(Map<String, Object> scope, String key, Object value) {
    if (value != null) {
      scope.put(key, value);
    }
  }
}
