package com.leadcadence.worker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.activities.senders.MessageNotSentException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A channel's turns, and a long wait for one that stops once its send is no longer wanted. */
class PacedSendersTest {

  @Test
  void turnsComeAtLeastOneIntervalApart() {
    PacedSenders.Pace tenPerSecond = new PacedSenders.Pace(10);
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      tenPerSecond.awaitTurn(() -> { });
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.toMillis() >= 300, "4 turns at 10/s take at least 300 ms: " + took);
  }

  @Test
  void aLongWaitAsksWhetherItIsStillWantedAndStopsWhenItIsNot() {
    PacedSenders.Pace oneEveryTenSeconds = new PacedSenders.Pace(0.1);
    oneEveryTenSeconds.awaitTurn(() -> { });   // the first turn is now
    AtomicInteger asked = new AtomicInteger();
    long start = System.nanoTime();
    MessageNotSentException stopped = assertThrows(MessageNotSentException.class,
        () -> oneEveryTenSeconds.awaitTurn(() -> {
          if (asked.incrementAndGet() == 3) {
            throw new MessageNotSentException("the cadence ended", null);
          }
        }));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertEquals("the cadence ended", stopped.getMessage());
    assertEquals(3, asked.get(), "asked every half second until told to stop");
    assertTrue(waited.toMillis() >= 3 * TimeUnit.NANOSECONDS.toMillis(PacedSenders.Pace.CHECK_EVERY_NANOS),
        "waited for three checks: " + waited);
    assertTrue(waited.compareTo(Duration.ofSeconds(9)) < 0, "gave up long before its turn: " + waited);
  }

  @Test
  void aShortWaitIsNotInterrupted() {
    PacedSenders.Pace fivePerSecond = new PacedSenders.Pace(5);
    fivePerSecond.awaitTurn(() -> { });
    AtomicInteger asked = new AtomicInteger();
    fivePerSecond.awaitTurn(asked::incrementAndGet);
    assertEquals(0, asked.get(), "a wait under half a second runs to its turn");
  }

  @Test
  void outsideAnActivityThereIsNothingToAsk() {
    assertDoesNotThrow(PacedSenders::stopIfActivityCancelled, "an API request thread has no activity to ask");
  }
}
