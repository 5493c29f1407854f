package com.leadcadence.worker.cadence;

import com.leadcadence.activities.senders.EmailMessage;
import com.leadcadence.activities.senders.EmailSender;
import com.leadcadence.activities.senders.SendReceipt;
import com.leadcadence.activities.senders.Senders;
import com.leadcadence.activities.senders.SmsMessage;
import com.leadcadence.activities.senders.SmsSender;
import com.leadcadence.workflows.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A provider for emails and texts at the senders' edge: it notes each message when it arrives, by its
 * own clock, takes it, and answers after {@link #answerAfter} (a slow provider that has the message
 * already). What it noted is what "reached the provider" means in the tests.
 */
final class TimedProviderStandIn implements EmailSender, SmsSender {
  record Arrival(Channel channel, long leadId, String idempotencyKey, Instant at) {}

  final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  volatile Duration answerAfter = Duration.ZERO;
  /** Runs on each arrival, once the message is noted (a test acts while the answer is still to come). */
  volatile Consumer<Arrival> onArrival = arrival -> { };

  /** The given senders with email and texts going here (voicemail drops stay as they were). */
  Senders standingIn(Senders senders) {
    return new Senders(this, this, senders.voicemail());
  }

  @Override
  public SendReceipt send(EmailMessage message) {
    return take(Channel.EMAIL, message.leadId(), message.idempotencyKey());
  }

  @Override
  public SendReceipt send(SmsMessage message) {
    return take(Channel.SMS, message.leadId(), message.idempotencyKey());
  }

  List<Arrival> arrivalsFor(long leadId) {
    return arrivals.stream().filter(a -> a.leadId() == leadId).toList();
  }

  private SendReceipt take(Channel channel, long leadId, String idempotencyKey) {
    Arrival arrival = new Arrival(channel, leadId, idempotencyKey, Instant.now());
    arrivals.add(arrival);
    onArrival.accept(arrival);
    try {
      Thread.sleep(answerAfter.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SendReceipt("stand-in", channel + "-" + arrivals.size());
  }
}
