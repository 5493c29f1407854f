package com.leadcadence.worker;

import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.leadcadence.activities.senders.VoicemailSender;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The cadence's senders with each channel's provider calls spaced at least 1/rate apart in this
 * process ({@link SendRates}): the last step of the per-channel pacing, right where a message leaves.
 * The send queues' limits keep the sends that reach a worker near the rate; this spacing makes it exact
 * (no burst) whatever the worker's poll timing. Lookups of earlier sends are not paced.
 */
public final class PacedSenders {

  private PacedSenders() {}

  public static Senders pace(Senders senders, SendRates rates) {
    Pace emails = new Pace(rates.emailsPerSecond());
    Pace texts = new Pace(rates.textsPerSecond());
    Pace drops = new Pace(rates.dropsPerSecond());
    EmailSender email = senders.email();
    SmsSender sms = senders.sms();
    VoicemailSender voicemail = senders.voicemail();
    return new Senders(
        new EmailSender() {
          @Override
          public SendReceipt send(EmailMessage message) {
            emails.awaitTurn();
            return email.send(message);
          }

          @Override
          public SentLookup lookUp(EmailMessage message, Instant since) {
            return email.lookUp(message, since);
          }
        },
        new SmsSender() {
          @Override
          public SendReceipt send(SmsMessage message) {
            texts.awaitTurn();
            return sms.send(message);
          }

          @Override
          public SentLookup lookUp(SmsMessage message, Instant since) {
            return sms.lookUp(message, since);
          }
        },
        new VoicemailSender() {
          @Override
          public SendReceipt send(VoicemailMessage message) {
            drops.awaitTurn();
            return voicemail.send(message);
          }

          @Override
          public SentLookup lookUp(VoicemailMessage message, Instant since) {
            return voicemail.lookUp(message, since);
          }
        });
  }

  /** One channel's turns: each at least 1/rate after the one before, in the order they were asked for. */
  static final class Pace {
    private final long intervalNanos;
    private long nextTurn = System.nanoTime();

    Pace(double perSecond) {
      this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    void awaitTurn() {
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        long turn = Math.max(now, nextTurn);
        nextTurn = turn + intervalNanos;
        wait = turn - now;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MessageNotSentException("interrupted while waiting for the channel's turn", e);
      }
    }
  }
}
