package com.leadcadence.api.temporal;

/** Temporal could not be reached or refused the call for a reason a retry may fix. Maps to 503. */
public class CadenceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CadenceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
