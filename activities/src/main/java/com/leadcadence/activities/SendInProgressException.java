package com.leadcadence.activities;

/**
 * Another attempt of the same step may still be talking to the provider (or has just taken the touch
 * over): this attempt neither sends nor settles anything, and a retry looks again later. Retryable.
 */
public class SendInProgressException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SendInProgressException(String message) {
    super(message);
  }
}
