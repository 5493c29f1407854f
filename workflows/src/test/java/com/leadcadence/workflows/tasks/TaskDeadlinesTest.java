package com.leadcadence.workflows.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcadence.workflows.model.TaskDeadline;
import com.leadcadence.workflows.tasks.TaskDeadlines.Due;
import com.leadcadence.workflows.tasks.TaskDeadlines.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDeadlinesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T16:00:00Z");
  private static final Duration TEN_MIN = Duration.ofMinutes(10);

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void nothingWatchedMeansNothingDue() {
    TaskDeadlines deadlines = new TaskDeadlines();
    assertEquals(Optional.empty(), deadlines.nextAt());
    assertTrue(deadlines.dueAt(at(1000)).isEmpty());
    assertFalse(deadlines.add(null), "an old history's touch result has no task");
    assertEquals(0, deadlines.size());
  }

  @Test
  void aTaskIsOverdueAtItsDueTimeThenEscalatesAfterItsDelay() {
    TaskDeadlines deadlines = new TaskDeadlines();
    TaskDeadline task = new TaskDeadline(7, at(5), TEN_MIN);
    assertTrue(deadlines.add(task));

    assertEquals(Optional.of(at(5)), deadlines.nextAt());
    assertTrue(deadlines.dueAt(at(4)).isEmpty());
    assertEquals(List.of(new Due(task, Stage.OVERDUE)), deadlines.dueAt(at(5)), "due at its instant, not after");

    deadlines.markedOverdue(7);
    assertEquals(Optional.of(at(15)), deadlines.nextAt());
    assertTrue(deadlines.dueAt(at(14)).isEmpty());
    assertEquals(List.of(new Due(task, Stage.ESCALATE)), deadlines.dueAt(at(15)));

    deadlines.remove(7);
    assertFalse(deadlines.isWatching(7));
    assertEquals(Optional.empty(), deadlines.nextAt());
  }

  @Test
  void theEarliestOfSeveralTasksComesFirstAndDueOnesAreListedByTaskId() {
    TaskDeadlines deadlines = new TaskDeadlines();
    TaskDeadline late = new TaskDeadline(3, at(30), TEN_MIN);
    TaskDeadline early = new TaskDeadline(9, at(5), TEN_MIN);
    TaskDeadline middle = new TaskDeadline(4, at(12), TEN_MIN);
    deadlines.add(late);
    deadlines.add(early);
    deadlines.add(middle);

    assertEquals(Optional.of(at(5)), deadlines.nextAt());
    deadlines.markedOverdue(9);
    assertEquals(Optional.of(at(12)), deadlines.nextAt(), "task 4's due time comes before 9's escalation");
    assertEquals(List.of(new Due(middle, Stage.OVERDUE), new Due(early, Stage.ESCALATE)), deadlines.dueAt(at(16)));
  }

  @Test
  void aTaskPastBothTimesIsMarkedOverdueBeforeItEscalates() {
    TaskDeadlines deadlines = new TaskDeadlines();
    TaskDeadline task = new TaskDeadline(1, at(5), TEN_MIN);
    deadlines.add(task);

    assertEquals(List.of(new Due(task, Stage.OVERDUE)), deadlines.dueAt(at(60)));
    deadlines.markedOverdue(1);
    assertEquals(List.of(new Due(task, Stage.ESCALATE)), deadlines.dueAt(at(60)));
  }

  @Test
  void aRepeatedTaskIsWatchedOnceWithItsFirstDeadline() {
    TaskDeadlines deadlines = new TaskDeadlines();
    assertTrue(deadlines.add(new TaskDeadline(1, at(5), TEN_MIN)));
    assertFalse(deadlines.add(new TaskDeadline(1, at(50), TEN_MIN)));
    assertEquals(1, deadlines.size());
    assertEquals(Optional.of(at(5)), deadlines.nextAt());
  }

  @Test
  void withoutAnEscalationDelayATaskLeavesTheWatchOnceOverdue() {
    TaskDeadlines deadlines = new TaskDeadlines();
    deadlines.add(new TaskDeadline(1, at(5), null));
    deadlines.markedOverdue(1);
    assertFalse(deadlines.isWatching(1));
  }

  @Test
  void markingAnUnknownOrEscalatingTaskChangesNothing() {
    TaskDeadlines deadlines = new TaskDeadlines();
    TaskDeadline task = new TaskDeadline(1, at(5), TEN_MIN);
    deadlines.add(task);
    deadlines.markedOverdue(2);
    deadlines.markedOverdue(1);
    deadlines.markedOverdue(1);
    assertEquals(Optional.of(at(15)), deadlines.nextAt(), "a second report does not move the escalation");
    deadlines.remove(42);
    assertEquals(1, deadlines.size());
  }
}
