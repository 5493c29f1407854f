package com.leadcadence.activities.senders;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fake: the first text fails before reaching the provider (connection refused), later ones pass. */
public final class RefusedOnceSmsSender implements SmsSender {
  private final SmsSender provider;
  private final AtomicInteger calls = new AtomicInteger();

  public RefusedOnceSmsSender(SmsSender provider) {
    this.provider = provider;
  }

  @Override
  public SendReceipt send(SmsMessage message) {
    if (calls.incrementAndGet() == 1) {
      throw new MessageNotSentException("provider unreachable", new ConnectException("Connection refused"));
    }
    return provider.send(message);
  }
}
