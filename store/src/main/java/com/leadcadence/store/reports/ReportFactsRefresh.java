package com.leadcadence.store.reports;

import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.LeadReportFactsDao;
import com.leadcadence.store.rows.DirtyLead;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Brings lead_report_facts up to date for the leads the triggers marked dirty: one pass over the marks in
 * the order they were added, a batch at a time. Each batch reads its marks, writes the leads' facts
 * (deleting those of leads that are DUPLICATE now or gone) and deletes the marks it read, in one
 * READ COMMITTED transaction: its reads take no locks on the leads' touches, tasks and outcomes (a
 * REPEATABLE READ INSERT ... SELECT would share-lock them and hold up the cadence's writes), and each
 * statement sees what was committed before it, so the facts are at least as new as the marks read.
 *
 * <p>Batches of one dealership run one at a time across every connection (a named database lock):
 * without it, a report's refresh and the background one could compute the same lead from different
 * moments and the older result could be written last, after the newer one had cleared the mark.
 */
public final class ReportFactsRefresh {
  public static final int BATCH = 1_000;
  /** Another refresh holds the lock for one batch at most (a few hundred ms at worst). */
  private static final int LOCK_WAIT_SECONDS = 30;

  private final Handle handle;

  public ReportFactsRefresh(Handle handle) {
    this.handle = handle;
  }

  /** The dealership's leads marked dirty before the call; returns how many leads were refreshed. */
  public int refreshDealership(long dealershipId) {
    return pass("lead-cadence.report-facts." + dealershipId,
        (facts, after, upTo) -> facts.dirtyLeadsOf(dealershipId, after, upTo, BATCH));
  }

  /** Every dealership's dirty leads, then the marks of leads that no longer exist. */
  public int refreshAll() {
    int refreshed = 0;
    for (long dealershipId : SharedDaos.on(handle, LeadReportFactsDao.class).dealershipsWithDirtyLeads()) {
      refreshed += refreshDealership(dealershipId);
    }
    return refreshed + pass("lead-cadence.report-facts.gone", (facts, after, upTo) -> facts.dirtyLeadsGone(after, upTo, BATCH));
  }

  /** The next batch of marks with ids in (after, upTo]. */
  private interface MarksAfter {
    List<DirtyLead> read(LeadReportFactsDao facts, long afterMarkId, long upToMarkId);
  }

  /**
   * Keyset over the mark ids up to the newest one when the pass starts: marks added while it runs are
   * left for the next pass, so it ends even while leads keep being written. A mark with a lower id that
   * was not yet committed when its batch was read is not deleted (only the marks read are), so the next
   * pass takes it.
   */
  private int pass(String lockName, MarksAfter marksAfter) {
    long upTo = SharedDaos.on(handle, LeadReportFactsDao.class).lastMarkId();
    int refreshed = 0;
    long after = 0;
    Batch batch;
    do {
      long from = after;
      batch = whileHoldingLock(lockName, () -> handle.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
        LeadReportFactsDao facts = SharedDaos.on(h, LeadReportFactsDao.class);
        return refreshBatch(facts, marksAfter.read(facts, from, upTo), upTo);
      }));
      refreshed += batch.leads();
      after = batch.lastMarkId().orElse(after);
    } while (batch.full());
    return refreshed;
  }

  /** A batch: how many leads it refreshed, the last mark read (empty: none), whether the read was full. */
  private record Batch(int leads, Optional<Long> lastMarkId, boolean full) {}

  /** The marks' leads' facts, then those leads' marks read before the facts were computed. */
  private static Batch refreshBatch(LeadReportFactsDao facts, List<DirtyLead> marks, long upTo) {
    if (marks.isEmpty()) {
      return new Batch(0, Optional.empty(), false);
    }
    List<Long> leadIds = marks.stream().map(DirtyLead::leadId).distinct().toList();
    List<Long> settled = facts.marksOf(leadIds, upTo);
    facts.writeFacts(leadIds);
    facts.deleteFactsOfLeadsNotReported(leadIds);
    facts.clearMarks(settled);
    return new Batch(leadIds.size(), Optional.of(marks.get(marks.size() - 1).markId()), marks.size() == BATCH);
  }

  private <T> T whileHoldingLock(String lockName, Supplier<T> work) {
    Integer got = handle.createQuery("SELECT GET_LOCK(:name, :seconds)").bind("name", lockName)
        .bind("seconds", LOCK_WAIT_SECONDS).mapTo(Integer.class).one();
    if (got == null || got != 1) {
      throw new ReportFactsBusyException("report facts: no lock " + lockName + " within " + LOCK_WAIT_SECONDS + " s");
    }
    try {
      return work.get();
    } finally {
      handle.createQuery("SELECT RELEASE_LOCK(:name)").bind("name", lockName).mapTo(Integer.class).one();
    }
  }
}
