package com.leadcadence.store.rows;

/** An agent to insert (active); shiftHours null means the dealership's business hours. */
public record NewAgent(
    long dealershipId,
    String name,
    String email,
    String phone,
    AgentRole role,
    String shiftHours,
    AgentNotify notifyBy,
    int maxOpenTasks,
    boolean available) {

  public static final int DEFAULT_MAX_OPEN_TASKS = 25;

  /** An agent on the dealership's hours, notified by nothing but the stream. */
  public static NewAgent basic(long dealershipId, String name, String email, String phone, AgentRole role) {
    return new NewAgent(dealershipId, name, email, phone, role, null, AgentNotify.NONE, DEFAULT_MAX_OPEN_TASKS, true);
  }
}
