package com.leadcadence.workflows.migration;

/**
 * How fast a plan migration goes: leadsPerSecond (the leads' workflows asked per second, a few at a time),
 * pageSize (leads read per page) and pagesPerRun (pages before continue-as-new, which keeps the history
 * short). Non-positive values take the defaults.
 */
public record MigrationPace(double leadsPerSecond, int pageSize, int pagesPerRun) {
  public static final double DEFAULT_LEADS_PER_SECOND = 20;
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int DEFAULT_PAGES_PER_RUN = 10;
  public static final MigrationPace DEFAULT =
      new MigrationPace(DEFAULT_LEADS_PER_SECOND, DEFAULT_PAGE_SIZE, DEFAULT_PAGES_PER_RUN);

  public MigrationPace {
    leadsPerSecond = leadsPerSecond > 0 ? leadsPerSecond : DEFAULT_LEADS_PER_SECOND;
    pageSize = pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE;
    pagesPerRun = pagesPerRun > 0 ? pagesPerRun : DEFAULT_PAGES_PER_RUN;
  }

  /** Leads asked together, once per tick: at least one, at most a page. */
  public int batch() {
    return Math.max(1, Math.min(pageSize, (int) Math.ceil(leadsPerSecond)));
  }

  /** How long a batch takes at least, so that the batches keep to leadsPerSecond. */
  public long batchMillis() {
    return Math.round(batch() * 1000 / leadsPerSecond);
  }
}
