package com.leadcadence.store.reports;

/**
 * Another refresh held a dealership's report facts for longer than a report waits: the database is busy,
 * not broken, and the same report a little later succeeds (the API answers 503 with Retry-After).
 */
public final class ReportFactsBusyException extends RuntimeException {
  public ReportFactsBusyException(String message) {
    super(message);
  }
}
