package com.leadcadence.activities;

import com.leadcadence.store.rows.DealershipRow;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Dealership rows as read at most ttl ago, per dealership. Every send needs its dealership's sender
 * identity; reading it once per send was a statement (and a DAO attach) per step of every lead, for data
 * an operator changes a few times a year. A change reaches the sends within ttl. Opt-outs and the
 * lead's own row are never cached. Real time (nanoTime), not the activity's clock: a test's skipped
 * time must not keep a row forever nor expire it early.
 */
final class RecentDealerships {
  static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

  private record Entry(DealershipRow row, long readAtNanos) {}

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  /** One entry per dealership this worker has sent for: a few hundred at most. */
  private final Map<Long, Entry> rows = new ConcurrentHashMap<>();

  RecentDealerships(Duration ttl) {
    this(ttl, System::nanoTime);
  }

  RecentDealerships(Duration ttl, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The row read at most ttl ago, else read now with load; a dealership that does not exist throws. */
  DealershipRow get(long dealershipId, LongFunction<Optional<DealershipRow>> load) {
    long now = nanoTime.getAsLong();
    Entry entry = rows.get(dealershipId);
    if (entry != null && now - entry.readAtNanos() < ttlNanos) {
      return entry.row();
    }
    DealershipRow row = load.apply(dealershipId)
        .orElseThrow(() -> new IllegalStateException("dealership " + dealershipId + " does not exist"));
    rows.put(dealershipId, new Entry(row, now));
    return row;
  }
}
