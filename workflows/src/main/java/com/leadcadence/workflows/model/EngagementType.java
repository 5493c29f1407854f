package com.leadcadence.workflows.model;

/** Signs of interest that raise a lead's score while its cadence runs. */
public enum EngagementType {
  EMAIL_OPEN(3),
  EMAIL_CLICK(6),
  EMAIL_REPLY(15),
  SMS_REPLY(15),
  /** The lead inquired again (another source or form, same phone or email): intake's duplicate rule. */
  RE_INQUIRY(10);

  private final int points;

  EngagementType(int points) {
    this.points = points;
  }

  public int points() {
    return points;
  }
}
