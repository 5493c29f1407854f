package com.leadcadence.workflows.model;

/** When the lead says they will buy; the strongest single predictor of a sale. */
public enum Timeframe {
  WITHIN_7_DAYS,
  WITHIN_30_DAYS,
  WITHIN_90_DAYS,
  BROWSING
}
