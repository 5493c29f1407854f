package com.leadcadence.api.temporal;

/**
 * The outcome's Update may have been admitted but did not complete within the call timeout (a worker
 * or a database that does not answer). Maps to 503 like any unavailability, but the outcome may still
 * be applied: a retry with the same Idempotency-Key gets its result, and nothing is undone meanwhile.
 */
public class OutcomePendingException extends CadenceUnavailableException {
  private static final long serialVersionUID = 1L;

  public OutcomePendingException(String message, Throwable cause) {
    super(message, cause);
  }
}
