package com.leadcadence.activities.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcadence.store.rows.LeadEventRow;

/** The JSON body of a delivery: the same bytes for every attempt of an event. */
public final class WebhookPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  public static String body(LeadEventRow event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", event.id());
    body.put("type", event.type());
    body.put("occurredAt", event.occurredAt().toString());
    body.put("dealershipId", event.dealershipId());
    body.put("leadId", event.leadId());
    body.put("source", event.source());
    body.put("externalId", event.externalId());
    try {
      body.set("data", JSON.readTree(event.data()));
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + event.id() + " has data that is not JSON", e);
    }
  }
}
