package com.leadcadence.store.rows;

/** What became of a received e-mail: its ADF made a lead (new or repeated), or it was kept with a reason. */
public enum InboundMessageStatus {
  ACCEPTED,
  REJECTED
}
