package com.leadcadence.activities.senders;

/** The provider refused the message for good (invalid number, landline for SMS, hard bounce). */
public class PermanentDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermanentDeliveryException(String message) {
    super(message);
  }

  public PermanentDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
