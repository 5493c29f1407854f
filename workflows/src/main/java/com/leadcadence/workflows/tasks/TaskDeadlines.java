package com.leadcadence.workflows.tasks;

import com.leadcadence.workflows.model.TaskDeadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agents' tasks a lead's workflow watches, and what each is waiting for: its due time (then it is
 * marked overdue) and, once overdue, its escalation time. Plain data with no clock of its own, so the
 * workflow can keep it in a field (its timers make it durable) and tests can drive it with any instant.
 * Ordered by task id, so the same history always yields the same order of activities.
 */
public final class TaskDeadlines {

  /** What a watched task waits for next. */
  public enum Stage {
    /** Still OPEN: at its due time it becomes overdue. */
    OVERDUE,
    /** Overdue already: at its escalation time it moves on and the managers hear of it. */
    ESCALATE
  }

  /** A task whose time for {@code stage} has come. */
  public record Due(TaskDeadline task, Stage stage) {}

  /** A watched task and what it waits for next: the form in which the watch is carried to a new run. */
  public record Watched(TaskDeadline deadline, Stage stage) {
    Instant at() {
      return stage == Stage.OVERDUE ? deadline.dueAt() : deadline.escalateAt();
    }
  }

  private final Map<Long, Watched> watched = new TreeMap<>();

  /** Every watched task, in task id order (what a continued-as-new run takes over with {@link #restore}). */
  public List<Watched> snapshot() {
    return List.copyOf(watched.values());
  }

  /** Watches these tasks in the stages they had (null: nothing). */
  public void restore(List<Watched> tasks) {
    if (tasks != null) {
      tasks.forEach(w -> watched.put(w.deadline().taskId(), w));
    }
  }

  /**
   * Watches a task from its due time on; false (and nothing changes) for a task already watched, so
   * a signal repeated by a retrying sender is harmless.
   */
  public boolean add(TaskDeadline deadline) {
    if (deadline == null || deadline.dueAt() == null || watched.containsKey(deadline.taskId())) {
      return false;
    }
    watched.put(deadline.taskId(), new Watched(deadline, Stage.OVERDUE));
    return true;
  }

  /** The earliest instant a watched task needs something; empty when nothing is watched. */
  public Optional<Instant> nextAt() {
    return watched.values().stream().map(Watched::at).min(Instant::compareTo);
  }

  /**
   * Tasks whose next stage is due at {@code now} (at or before it). A task past both its due and its
   * escalation time is listed once, for OVERDUE: the caller reports that with {@link #markedOverdue}
   * and asks again.
   */
  public List<Due> dueAt(Instant now) {
    List<Due> due = new ArrayList<>();
    for (Watched w : watched.values()) {
      if (!w.at().isAfter(now)) {
        due.add(new Due(w.deadline(), w.stage()));
      }
    }
    return due;
  }

  /**
   * The task is overdue and still to do: it waits for its escalation next, or leaves the watch when it
   * has no escalation delay.
   */
  public void markedOverdue(long taskId) {
    Watched w = watched.get(taskId);
    if (w == null || w.stage() != Stage.OVERDUE) {
      return;
    }
    if (w.deadline().escalateAfter() == null) {
      watched.remove(taskId);
    } else {
      watched.put(taskId, new Watched(w.deadline(), Stage.ESCALATE));
    }
  }

  /** Stops watching a task: done, cancelled, or escalated already. */
  public void remove(long taskId) {
    watched.remove(taskId);
  }

  public boolean isWatching(long taskId) {
    return watched.containsKey(taskId);
  }

  public int size() {
    return watched.size();
  }
}
