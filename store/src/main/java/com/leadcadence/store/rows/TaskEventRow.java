package com.leadcadence.store.rows;

import java.time.Instant;

/**
 * A task_events row. settled: old enough that no transaction still open can commit an event with a
 * smaller id (AUTO_INCREMENT ids are handed out before commit), so a reader may move its cursor past it.
 */
public record TaskEventRow(
    long id,
    long dealershipId,
    String type,
    Long taskId,
    long leadId,
    Long agentId,
    Long previousAgentId,
    TaskStatus taskStatus,
    String detail,
    Instant createdAt,
    boolean settled) {

  public TaskEventType eventType() {
    return TaskEventType.fromWireName(type);
  }
}
