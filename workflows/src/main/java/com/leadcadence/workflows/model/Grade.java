package com.leadcadence.workflows.model;

/** A-D grade from the 100-point score: A hot (76-100), B high (51-75), C medium (26-50), D low (0-25). */
public enum Grade {
  A,
  B,
  C,
  D;

  public static Grade forScore(int score) {
    if (score >= 76) {
      return A;
    }
    if (score >= 51) {
      return B;
    }
    if (score >= 26) {
      return C;
    }
    return D;
  }
}
