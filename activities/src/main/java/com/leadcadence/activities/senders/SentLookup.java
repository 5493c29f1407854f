package com.leadcadence.activities.senders;

import java.util.Objects;

/**
 * What a provider says about a message an earlier attempt handed over without a clear answer: FOUND (it
 * has it: the receipt names it), ABSENT (it certainly does not: send it), or NOT_SUPPORTED (it cannot
 * tell, as SendGrid without its Email Activity add-on: send it again, at least once). A lookup that
 * fails throws, and the step stays unconfirmed until a retry can ask again.
 */
public record SentLookup(Kind kind, SendReceipt receipt) {
  public enum Kind { FOUND, ABSENT, NOT_SUPPORTED }

  public SentLookup {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.FOUND) != (receipt != null)) {
      throw new IllegalArgumentException("a receipt comes with FOUND and only with it");
    }
  }

  public static SentLookup found(SendReceipt receipt) {
    return new SentLookup(Kind.FOUND, receipt);
  }

  public static SentLookup absent() {
    return new SentLookup(Kind.ABSENT, null);
  }

  public static SentLookup notSupported() {
    return new SentLookup(Kind.NOT_SUPPORTED, null);
  }
}
