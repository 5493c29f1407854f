package com.leadcadence.api.webhooks;

import com.leadcadence.activities.providers.twilio.TwilioFailures;
import com.leadcadence.activities.providers.twilio.TwilioSmsSender;
import com.leadcadence.store.rows.TouchRow;
import com.leadcadence.store.rows.TouchState;
import com.leadcadence.workflows.model.Channel;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's status callbacks for texts (MessageSid, MessageStatus) and voicemail calls (CallSid,
 * CallStatus). Final statuses settle the touch; a permanent recipient error blocks the channel.
 * Intermediate ones (queued, sent, ringing, in-progress) are only stored as events.
 */
public final class TwilioStatusCallbacks {
  private static final Logger log = LoggerFactory.getLogger(TwilioStatusCallbacks.class);

  private final DeliveryReports reports;

  public TwilioStatusCallbacks(DeliveryReports reports) {
    this.reports = reports;
  }

  /** The id it is deduplicated by: one event per message or call and status. */
  static Optional<String> eventId(TwilioCallback callback) {
    String sid = sid(callback);
    String status = status(callback);
    return sid == null || status == null ? Optional.empty() : Optional.of(sid + ":" + status);
  }

  static String sid(TwilioCallback callback) {
    String message = callback.field("MessageSid");
    return message != null ? message : callback.field("CallSid");
  }

  static String status(TwilioCallback callback) {
    String status = callback.field("MessageSid") != null
        ? firstNonNull(callback.field("MessageStatus"), callback.field("SmsStatus"))
        : callback.field("CallStatus");
    return status == null ? null : status.toLowerCase(Locale.ROOT);
  }

  public void handle(TwilioCallback callback) {
    boolean isMessage = callback.field("MessageSid") != null;
    String sid = sid(callback);
    String status = status(callback);
    Optional<TouchState> settled = isMessage ? messageOutcome(status) : callOutcome(status);
    if (settled.isEmpty()) {
      return;
    }
    Integer errorCode = callback.errorCode();
    String detail = "twilio " + (isMessage ? "message " : "call ") + status
        + (errorCode == null ? "" : ", error " + errorCode);
    Optional<TouchRow> touch = reports.touch(TwilioSmsSender.PROVIDER, sid, callback.leadId(), callback.touchId());
    touch.ifPresentOrElse(t -> reports.record(t, settled.get(), detail),
        () -> log.warn("twilio {} {} matches no touch", status, sid));
    if (settled.get() == TouchState.FAILED && TwilioFailures.isRecipientPermanent(errorCode)) {
      OptionalLong leadId = callback.leadId().isPresent() ? callback.leadId()
          : touch.map(t -> OptionalLong.of(t.leadId())).orElse(OptionalLong.empty());
      Channel channel = touch.map(TouchRow::channel).orElse(isMessage ? Channel.SMS : Channel.VOICEMAIL);
      leadId.ifPresent(id -> reports.channelFailed(id, channel, detail));
    }
  }

  private static Optional<TouchState> messageOutcome(String status) {
    return switch (status) {
      case "delivered" -> Optional.of(TouchState.DELIVERED);
      case "undelivered", "failed" -> Optional.of(TouchState.FAILED);
      default -> Optional.empty();
    };
  }

  /** A voicemail call that completed has played the message or greeted a person; the rest reached no one. */
  private static Optional<TouchState> callOutcome(String status) {
    return switch (status) {
      case "completed" -> Optional.of(TouchState.DELIVERED);
      case "busy", "no-answer", "failed", "canceled" -> Optional.of(TouchState.FAILED);
      default -> Optional.empty();
    };
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
