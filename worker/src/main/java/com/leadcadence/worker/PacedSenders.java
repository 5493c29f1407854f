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
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The process's senders with each channel's provider calls spaced at least 1/rate apart in this
 * process ({@link SendRates}): the last step of the per-channel pacing, right where a message leaves.
 * The send queues' limits keep the cadence's sends that reach a worker near the rate; this spacing makes
 * it exact (no burst) whatever the worker's poll timing, and counts the agents' and managers'
 * notifications, which share the provider accounts, against the same rate. Lookups of earlier sends
 * are not paced.
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

  /**
   * Inside an activity (a cadence send, or a notification sent by one): stops the wait once Temporal
   * asked the activity to stop (the cadence ended, the attempt timed out, the worker is shutting down).
   * The heartbeat answers from what the worker last heard from the server. Elsewhere (an API request
   * thread) there is nothing to ask.
   */
  static void stopIfActivityCancelled() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return;
    }
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException e) {
      throw new MessageNotSentException("stopped while waiting for the channel's turn: "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** One channel's turns: each at least 1/rate after the one before, in the order they were asked for. */
  static final class Pace {
    /** How often a long wait asks whether its send is still wanted. */
    static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final long intervalNanos;
    private long nextTurn = System.nanoTime();

    Pace(double perSecond) {
      this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    void awaitTurn() {
      awaitTurn(PacedSenders::stopIfActivityCancelled);
    }

    /**
     * Waits for this caller's turn; a wait longer than {@link #CHECK_EVERY_NANOS} runs
     * {@code stopIfUnwanted} between slices, which ends it by throwing. A turn given up is not handed
     * on: the calls after it keep their places, so the rate is never exceeded.
     */
    void awaitTurn(Runnable stopIfUnwanted) {
      long turn;
      synchronized (this) {
        turn = Math.max(System.nanoTime(), nextTurn);
        nextTurn = turn + intervalNanos;
      }
      try {
        for (long wait = turn - System.nanoTime(); wait > 0; wait = turn - System.nanoTime()) {
          if (wait > CHECK_EVERY_NANOS) {
            TimeUnit.NANOSECONDS.sleep(CHECK_EVERY_NANOS);
            stopIfUnwanted.run();
          } else {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MessageNotSentException("interrupted while waiting for the channel's turn", e);
      }
    }
  }
}
