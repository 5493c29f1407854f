package com.leadcadence.api.tasks;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.paging.KeysetCursor;
import com.leadcadence.store.rows.TaskStatus;
import java.util.List;
import java.util.Locale;

/**
 * GET /v1/tasks's filters, read and checked: no status means the tasks still to do (OPEN and OVERDUE).
 * The cursor is a task's (due time, id).
 */
record TaskQuery(List<TaskStatus> statuses, Long agentId, Long leadId, int limit, KeysetCursor cursor) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  static TaskQuery of(String status, Long agentId, Long leadId, Integer limit, String cursor) {
    List<TaskStatus> statuses = TaskStatus.TO_DO;
    if (status != null && !status.isBlank()) {
      try {
        statuses = List.of(TaskStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("status", "must be one of OPEN, OVERDUE, DONE, CANCELLED");
      }
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new TaskQuery(statuses, agentId, leadId, size, KeysetCursor.decode(cursor));
  }

  List<String> statusNames() {
    return statuses.stream().map(Enum::name).toList();
  }
}
