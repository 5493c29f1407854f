package com.leadcadence.activities.senders;

import com.leadcadence.activities.logging.Masking;
import com.leadcadence.workflows.model.Channel;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Senders that send nothing: each message goes to the {@link DryRunOutbox} and one log line, so a new
 * user sees the cadence run without provider credentials.
 */
public final class DryRunSenders implements EmailSender, SmsSender, VoicemailSender {
  public static final String PROVIDER = "dry-run";
  private static final Logger log = LoggerFactory.getLogger(DryRunSenders.class);

  private final DryRunOutbox outbox;

  public DryRunSenders(DryRunOutbox outbox) {
    this.outbox = outbox;
  }

  /** Email, SMS and voicemail all recorded in the one outbox. */
  public static Senders all(DryRunOutbox outbox) {
    DryRunSenders senders = new DryRunSenders(outbox);
    return new Senders(senders, senders, senders);
  }

  public DryRunOutbox outbox() {
    return outbox;
  }

  @Override
  public SendReceipt send(EmailMessage m) {
    log.info("[dry-run] email to {} subject '{}'", Masking.email(m.to()), m.subject());
    return record(new OutboxMessage(Channel.EMAIL, m.to(), m.fromEmail(), m.subject(), m.body(),
        m.idempotencyKey(), m.leadId(), m.touchId(), providerId(m.touchId())));
  }

  @Override
  public SendReceipt send(SmsMessage m) {
    log.info("[dry-run] sms to {} ({} chars)", Masking.phone(m.to()), m.text().length());
    return record(new OutboxMessage(Channel.SMS, m.to(), m.from(), null, m.text(),
        m.idempotencyKey(), m.leadId(), m.touchId(), providerId(m.touchId())));
  }

  @Override
  public SendReceipt send(VoicemailMessage m) {
    log.info("[dry-run] voicemail drop to {}", Masking.phone(m.to()));
    return record(new OutboxMessage(Channel.VOICEMAIL, m.to(), m.from(), null, m.script(),
        m.idempotencyKey(), m.leadId(), m.touchId(), providerId(m.touchId())));
  }

  private static String providerId(long touchId) {
    return "dry-run-" + touchId;
  }

  private SendReceipt record(OutboxMessage message) {
    outbox.add(message);
    return new SendReceipt(PROVIDER, message.providerId());
  }

  /** The outbox knows exactly what it "sent": the lookup of a dry run is exact for every channel. */
  @Override
  public SentLookup lookUp(EmailMessage m, Instant since) {
    return lookUp(Channel.EMAIL, m.touchId());
  }

  @Override
  public SentLookup lookUp(SmsMessage m, Instant since) {
    return lookUp(Channel.SMS, m.touchId());
  }

  @Override
  public SentLookup lookUp(VoicemailMessage m, Instant since) {
    return lookUp(Channel.VOICEMAIL, m.touchId());
  }

  private SentLookup lookUp(Channel channel, long touchId) {
    return outbox.messages().stream()
        .filter(m -> m.channel() == channel && m.touchId() == touchId)
        .findFirst()
        .map(m -> SentLookup.found(new SendReceipt(PROVIDER, m.providerId())))
        .orElse(SentLookup.absent());
  }
}
