package com.leadcadence.activities.senders;

/**
 * A transient failure known to have happened before the provider accepted anything (connection
 * refused, a 429 or 503 answer): the retry may send again. Any other exception leaves it unknown
 * whether the provider accepted the message, and then a retry does not send (at most once).
 */
public class MessageNotSentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MessageNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
