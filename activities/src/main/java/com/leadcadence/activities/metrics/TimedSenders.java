package com.leadcadence.activities.metrics;

import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.MessageNotSentException;
import com.leadcadence.activities.senders.PermanentDeliveryException;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SentLookup;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.activities.senders.VoicemailMessage;
import com.leadcadence.activities.senders.VoicemailSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The senders with every provider call timed: {@code leadcadence_provider_requests_seconds{provider,
 * channel,operation,outcome}} (a histogram, for latency quantiles in Grafana). operation is send or
 * lookup; outcome ok, not_sent (certainly not accepted), refused (for good) or error (anything else,
 * maybe accepted). Wrap inside the pacing, so the wait for a channel's turn is not counted as latency.
 */
public final class TimedSenders {
  public static final String PROVIDER_REQUESTS = "leadcadence.provider.requests";

  private TimedSenders() {}

  /** emailProvider and textProvider: the names the series carry (sendgrid, twilio, dry-run). */
  public static Senders time(Senders senders, String emailProvider, String textProvider, MeterRegistry registry) {
    Calls email = new Calls(registry, emailProvider, "email");
    Calls sms = new Calls(registry, textProvider, "sms");
    Calls voicemail = new Calls(registry, textProvider, "voicemail");
    EmailSender emails = senders.email();
    SmsSender texts = senders.sms();
    VoicemailSender drops = senders.voicemail();
    return new Senders(
        new EmailSender() {
          @Override
          public SendReceipt send(EmailMessage message) {
            return email.timed("send", () -> emails.send(message));
          }

          @Override
          public SentLookup lookUp(EmailMessage message, Instant since) {
            return email.timed("lookup", () -> emails.lookUp(message, since));
          }
        },
        new SmsSender() {
          @Override
          public SendReceipt send(SmsMessage message) {
            return sms.timed("send", () -> texts.send(message));
          }

          @Override
          public SentLookup lookUp(SmsMessage message, Instant since) {
            return sms.timed("lookup", () -> texts.lookUp(message, since));
          }
        },
        new VoicemailSender() {
          @Override
          public SendReceipt send(VoicemailMessage message) {
            return voicemail.timed("send", () -> drops.send(message));
          }

          @Override
          public SentLookup lookUp(VoicemailMessage message, Instant since) {
            return voicemail.timed("lookup", () -> drops.lookUp(message, since));
          }
        });
  }

  /** One channel's calls to its provider. */
  private record Calls(MeterRegistry registry, String provider, String channel) {
    <T> T timed(String operation, Supplier<T> call) {
      long start = System.nanoTime();
      String outcome = "error";
      try {
        T result = call.get();
        outcome = "ok";
        return result;
      } catch (MessageNotSentException e) {
        outcome = "not_sent";
        throw e;
      } catch (PermanentDeliveryException e) {
        outcome = "refused";
        throw e;
      } finally {
        Timer.builder(PROVIDER_REQUESTS)
            .tags("provider", provider, "channel", channel, "operation", operation, "outcome", outcome)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry)
            .record(Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }
}
