package com.leadcadence.activities.providers.twilio;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.activities.providers.CallbackUrls;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.SmsSender;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts through Twilio's Messages API. The sender is the configured Messaging Service when there is one,
 * else the dealership's number from the message, else the configured From number. Delivery statuses come
 * back on the status callback; the receipt carries the Message SID.
 */
public final class TwilioSmsSender implements SmsSender {
  public static final String PROVIDER = "twilio";
  private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

  private final TwilioRestClient client;
  private final TwilioSettings settings;
  private final CallbackUrls callbacks;

  public TwilioSmsSender(TwilioRestClient client, TwilioSettings settings, CallbackUrls callbacks) {
    this.client = client;
    this.settings = settings;
    this.callbacks = callbacks;
  }

  @Override
  public SendReceipt send(SmsMessage m) {
    MessageCreator creator = creator(m)
        .setStatusCallback(TwilioCallbacks.status(callbacks, m.leadId(), m.touchId()));
    try {
      Message sent = creator.create(client);
      log.info("twilio sms to {} accepted: sid={} status={} touchId={}",
          Masking.phone(m.to()), sent.getSid(), sent.getStatus(), m.touchId());
      return new SendReceipt(PROVIDER, sent.getSid());
    } catch (TwilioException e) {
      throw TwilioFailures.logAndClassify(log, "sms", m.to(), m.touchId(), e);
    }
  }

  /** Looks the text up at Twilio: To, From (or the Messaging Service), date sent, body. */
  @Override
  public SentLookup lookUp(SmsMessage m, Instant since) {
    String service = service(m);
    return TwilioLookups.text(client, m.to(), service == null ? from(m) : null, service, m.text(), since,
        m.touchId());
  }

  /** The dealership's Messaging Service, else its number, else the account-wide service or number. */
  private MessageCreator creator(SmsMessage m) {
    PhoneNumber to = new PhoneNumber(m.to());
    String service = service(m);
    if (service != null) {
      return Message.creator(to, service, m.text());
    }
    return Message.creator(to, new PhoneNumber(from(m)), m.text());
  }

  /** The Messaging Service that sends this text, or null when a number does. */
  private String service(SmsMessage m) {
    if (m.messagingServiceSid() != null && !m.messagingServiceSid().isBlank()) {
      return m.messagingServiceSid();
    }
    if (m.from() != null && !m.from().isBlank()) {
      return null;
    }
    return settings.messagingServiceSid();
  }

  /** The number that sends this text when no Messaging Service does. */
  private String from(SmsMessage m) {
    if (m.from() != null && !m.from().isBlank()) {
      return m.from();
    }
    String from = settings.fromNumber();
    if (from == null) {
      throw new MessageNotSentException(
          "no sender: set the dealership's number, TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID", null);
    }
    return from;
  }
}
