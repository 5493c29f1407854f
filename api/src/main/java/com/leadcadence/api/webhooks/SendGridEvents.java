package com.leadcadence.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.optout.OptOutRegistry;
import com.leadcadence.activities.providers.sendgrid.SendGridEmailSender;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.EngagementType;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SendGrid event. The lead and touch come from the custom args the sender put on the email
 * (lead_id, touch_id). delivered settles the touch; open and click are engagement; a hard bounce or a
 * drop fails the touch and blocks email for that lead; unsubscribe, group_unsubscribe and spamreport put
 * the address on the dealership's opt-out list and stop email for every running lead with it.
 *
 * <p>Engagement is coalesced so that a lead's workflow history stays bounded: only the first open and the
 * first click of each email (touch) is signalled. Every event is still stored in provider_events under its
 * own sg_event_id; the first one of its kind also claims the key {@code lead:type:touch} under the
 * {@link #ENGAGEMENT_PROVIDER} pseudo-provider, and later ones find that claim and are not signalled.
 */
public final class SendGridEvents {
  private static final Logger log = LoggerFactory.getLogger(SendGridEvents.class);
  /** provider_events rows that stand for "this lead's workflow heard of this email's open (or click)". */
  public static final String ENGAGEMENT_PROVIDER = "sendgrid-engagement";

  private final LeadFinder finder;
  private final DeliveryReports reports;
  private final WorkflowSignals signals;
  private final EmailOptOuts emailOptOuts;
  private final ProviderEvents events;

  public SendGridEvents(LeadFinder finder, DeliveryReports reports, OptOutRegistry optOuts, WorkflowSignals signals,
      ProviderEvents events) {
    this.finder = finder;
    this.events = events;
    this.reports = reports;
    this.signals = signals;
    this.emailOptOuts = new EmailOptOuts(finder, optOuts, signals);
  }

  static String type(JsonNode event) {
    return event.path("event").asText("");
  }

  static OptionalLong leadId(JsonNode event) {
    return TwilioCallback.id(event.path(SendGridEmailSender.LEAD_ID_ARG).asText(null));
  }

  /** sg_event_id is unique per event; without one, the message id and type stand in. */
  static Optional<String> eventId(JsonNode event) {
    String id = event.path("sg_event_id").asText(null);
    if (id != null && !id.isBlank()) {
      return Optional.of(id);
    }
    String message = event.path("sg_message_id").asText(null);
    return message == null ? Optional.empty()
        : Optional.of(message + ":" + type(event) + ":" + event.path("timestamp").asText(""));
  }

  public void handle(JsonNode event) {
    OptionalLong leadId = leadId(event);
    Optional<LeadRow> lead = leadId.isPresent() ? finder.lead(leadId.getAsLong()) : Optional.empty();
    if (lead.isEmpty()) {
      log.info("sendgrid {} event names no known lead: ignored", type(event));
      return;
    }
    try (LeadMdc ignored = LeadMdc.put(lead.get().id(), lead.get().workflowId())) {
      String type = type(event);
      switch (type) {
        case "delivered" -> settle(event, lead.get(), TouchState.DELIVERED, "sendgrid delivered");
        case "open" -> engagement(event, lead.get(), EngagementType.EMAIL_OPEN, "email opened");
        case "click" -> engagement(event, lead.get(), EngagementType.EMAIL_CLICK, "email link clicked");
        case "bounce" -> bounce(event, lead.get());
        case "dropped" -> fail(event, lead.get(), "sendgrid dropped: " + event.path("reason").asText(""));
        case "unsubscribe", "group_unsubscribe", "spamreport" -> optOut(event, lead.get(), type);
        default -> log.info("sendgrid {} event: nothing to do", type);
      }
    }
  }

  private void settle(JsonNode event, LeadRow lead, TouchState state, String detail) {
    OptionalLong touchId = TwilioCallback.id(event.path(SendGridEmailSender.TOUCH_ID_ARG).asText(null));
    reports.touch(SendGridEmailSender.PROVIDER, null, OptionalLong.of(lead.id()), touchId)
        .ifPresentOrElse(t -> reports.record(t, state, detail),
            () -> log.warn("sendgrid {} event matches no touch", type(event)));
  }

  /**
   * Signals the first open (or click) of an email only. The claim is withdrawn when the signal fails
   * (Temporal unreachable), so that SendGrid's retry signals it then.
   */
  private void engagement(JsonNode event, LeadRow lead, EngagementType type, String detail) {
    String key = engagementKey(lead.id(), type, event);
    boolean signalled = events.once(ENGAGEMENT_PROVIDER, key, type.name(), lead.id(), "",
        () -> signals.signal(lead, "engagement(" + type + ")", w -> w.engagement(new EngagementEvent(type, detail))));
    if (!signalled) {
      log.debug("sendgrid {}: this email's engagement was already signalled", type);
    }
  }

  /** lead:type:email, the email named by touch_id, else by the message id SendGrid gave it. */
  static String engagementKey(long leadId, EngagementType type, JsonNode event) {
    String email = event.path(SendGridEmailSender.TOUCH_ID_ARG).asText("");
    if (email.isBlank()) {
      String message = event.path("sg_message_id").asText("");
      int dot = message.indexOf('.');
      email = "m:" + (dot > 0 ? message.substring(0, dot) : message);
    }
    String key = leadId + ":" + type + ":" + email;
    return key.length() <= 191 ? key : key.substring(0, 191);
  }

  /** "blocked" bounces are the receiving server refusing for now (reputation, content): not the address. */
  private void bounce(JsonNode event, LeadRow lead) {
    String bounceType = event.path("type").asText("bounce");
    String detail = "sendgrid bounce (" + bounceType + "): " + event.path("reason").asText("");
    if ("blocked".equals(bounceType)) {
      settle(event, lead, TouchState.FAILED, detail);
    } else {
      fail(event, lead, detail);
    }
  }

  private void fail(JsonNode event, LeadRow lead, String detail) {
    settle(event, lead, TouchState.FAILED, detail);
    reports.channelFailed(lead.id(), Channel.EMAIL, detail);
  }

  private void optOut(JsonNode event, LeadRow lead, String type) {
    String email = event.path("email").asText(null);
    String address = email == null || email.isBlank() ? lead.email() : email;
    if (address == null) {
      log.warn("sendgrid {} event without an address: ignored", type);
      return;
    }
    emailOptOuts.optOut(lead.dealershipId(), address, "email-" + type);
  }
}
