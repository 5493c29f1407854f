package com.leadcadence.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A watched task's SLA steps, called by the lead's workflow when their time comes. Idempotent: a retry
 * of the same request changes nothing more and reports the same.
 */
@ActivityInterface
public interface TaskActivities {

  /** OPEN becomes OVERDUE; a task already done or cancelled is left alone ({@code stillToDo} false). */
  @ActivityMethod(name = "MarkTaskOverdue")
  OverdueResult markOverdue(TaskSlaRequest request);

  /**
   * Moves a task still to do to another agent (when one can take it) and gives every active manager an
   * ESCALATION task, once per task. A closed or already escalated task is not escalated again.
   */
  @ActivityMethod(name = "Escalate")
  EscalationResult escalate(TaskSlaRequest request);
}
