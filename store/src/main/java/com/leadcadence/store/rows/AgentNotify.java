package com.leadcadence.store.rows;

/** How an agent hears of new work besides the task stream. */
public enum AgentNotify {
  SMS,
  EMAIL,
  NONE
}
