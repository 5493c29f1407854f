package com.leadcadence.api.startup;

/**
 * A start that cannot go on for a reason the operator can fix (database unreachable, port taken). Its
 * message is the one line printed before the process exits non-zero; no stack trace.
 */
public class StartupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupFailure(String message) {
    super(message);
  }

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The message followed by the root cause's, which usually names the real problem. */
  public static StartupFailure because(String what, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new StartupFailure(what + ": " + detail, cause);
  }
}
