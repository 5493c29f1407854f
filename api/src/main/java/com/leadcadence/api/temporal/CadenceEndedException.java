package com.leadcadence.api.temporal;

/** The lead's cadence is over (or never started): outcomes and pauses no longer apply. Maps to 409. */
public class CadenceEndedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CadenceEndedException(String message) {
    super(message);
  }
}
