package com.leadcadence.activities.providers;

/**
 * The request may have reached the provider (the answer timed out or the connection broke mid-way), so
 * whether it accepted the message is unknown. Transient for Temporal, but not a {@link
 * com.leadcadence.activities.senders.MessageNotSentException}: a retry must not send again.
 */
public class ProviderOutcomeUnknownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProviderOutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
