package com.leadcadence.api.webhooks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.model.Channel;
import com.leadcadence.workflows.model.ChannelFailure;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's later word on a message it accepted: the touch becomes DELIVERED or FAILED, and a failure
 * that says the address can never be reached on that channel blocks the channel in the lead's cadence.
 * Shared by Twilio's status callbacks and SendGrid's events.
 */
public final class DeliveryReports {
  static final int DETAIL_MAX = 500;
  private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

  private final TouchDao touches;
  private final LeadFinder finder;
  private final WorkflowSignals signals;

  public DeliveryReports(TouchDao touches, LeadFinder finder, WorkflowSignals signals) {
    this.touches = touches;
    this.finder = finder;
    this.signals = signals;
  }

  /**
   * The touch named by the callback's ids, or by the provider's message id. Ids from a callback URL or
   * custom args must agree with each other: a touch of another lead is never touched.
   */
  public Optional<TouchRow> touch(String provider, String providerId, OptionalLong leadId, OptionalLong touchId) {
    if (touchId.isPresent()) {
      Optional<TouchRow> byId = touches.findById(touchId.getAsLong())
          .filter(t -> leadId.isEmpty() || t.leadId() == leadId.getAsLong());
      if (byId.isPresent()) {
        return byId;
      }
    }
    return providerId == null ? Optional.empty() : touches.findByProviderId(provider, providerId);
  }

  /** DELIVERED or FAILED on a touch that was sent; false when no sent touch matched. */
  public boolean record(TouchRow touch, TouchState status, String detail) {
    String cut = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    int updated = touch.provider() != null && touch.providerId() != null
        ? touches.recordDelivery(touch.provider(), touch.providerId(), status, cut)
        : 0;
    if (updated == 0) {
      updated = touches.recordDeliveryById(touch.id(), touch.leadId(), status, cut);
    }
    log.info("touch {} {}: {} ({})", touch.id(), updated > 0 ? "now " + status : "not moved to " + status,
        detail, touch.status());
    return updated > 0;
  }

  /** Tells the lead's cadence that this channel cannot reach it. */
  public void channelFailed(long leadId, Channel channel, String reason) {
    Optional<LeadRow> lead = finder.lead(leadId);
    if (lead.isEmpty()) {
      log.warn("channel failure for unknown lead {}: ignored", leadId);
      return;
    }
    try (LeadMdc ignored = LeadMdc.put(leadId, lead.get().workflowId())) {
      ChannelFailure failure = new ChannelFailure(channel, reason);
      signals.signal(lead.get(), "channelFailed(" + channel + ")", w -> w.channelFailed(failure));
    }
  }
}
