package com.leadcadence.activities.senders;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fake simulating a provider that accepts the first text (it reaches the outbox, as the provider
 * would deliver it) but whose answer never arrives: the call times out. Later calls behave normally.
 */
public final class TimeoutAfterAcceptanceSmsSender implements SmsSender {
  private final SmsSender provider;
  private final AtomicInteger calls = new AtomicInteger();

  public TimeoutAfterAcceptanceSmsSender(SmsSender provider) {
    this.provider = provider;
  }

  @Override
  public SendReceipt send(SmsMessage message) {
    SendReceipt receipt = provider.send(message);
    if (calls.incrementAndGet() == 1) {
      throw new IllegalStateException("simulated read timeout after the provider accepted the message");
    }
    return receipt;
  }

  /** The provider's own lookup: it has the first text. */
  @Override
  public SentLookup lookUp(SmsMessage message, java.time.Instant since) {
    return provider.lookUp(message, since);
  }

  public int calls() {
    return calls.get();
  }
}
