package com.leadcadence.api.tasks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.api.representations.TouchView;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.Outcome;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task inbox. An agent's token sees and acts on the agent's own tasks only (another agent's task is
 * "not found"); the dealership key and managers see the whole dealership's.
 */
public final class TaskService {
  private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);

  private final TaskDao tasks;
  private final LeadDao leads;
  private final TouchDao touches;
  private final LeadSummaries summaries;
  private final LeadWorkflows workflows;
  private final Clock clock;

  public TaskService(TaskDao tasks, LeadDao leads, TouchDao touches,
      com.leadcadence.activities.optout.OptOutRegistry optOuts, LeadWorkflows workflows, Clock clock) {
    this.tasks = tasks;
    this.leads = leads;
    this.touches = touches;
    this.summaries = new LeadSummaries(leads, optOuts, clock);
    this.workflows = workflows;
    this.clock = clock;
  }

  /** The answer of a completion: the closed task and the lead's state after the outcome. */
  public record Completion(TaskView task, LeadState lead) {}

  public ItemsPage<TaskView> list(DealershipPrincipal caller, String status, Long agentId, Long leadId,
      Integer limit, String cursor) {
    TaskQuery query = TaskQuery.of(status, agentId, leadId, limit, cursor);
    Long agentFilter = query.agentId();
    if (!caller.seesWholeDealership()) {
      if (agentFilter != null && !agentFilter.equals(caller.agentId())) {
        throw ApiException.forbidden("agentId", "an agent's token lists the agent's own tasks only");
      }
      agentFilter = caller.agentId();
    }
    TaskCursor after = query.cursor();
    List<TaskRow> page = tasks.page(caller.id(), query.statusNames(), agentFilter, query.leadId(),
        after == null ? null : after.dueAt(), after == null ? null : after.id(), query.limit() + 1);
    boolean more = page.size() > query.limit();
    List<TaskRow> items = more ? page.subList(0, query.limit()) : page;
    String next = more ? TaskCursor.after(items.get(items.size() - 1)).encode() : null;
    return new ItemsPage<>(items.stream().map(t -> view(caller, t, false)).toList(), next);
  }

  public TaskView get(DealershipPrincipal caller, long id) {
    return view(caller, find(caller, id), true);
  }

  /**
   * Claims the task (of two concurrent completions one wins, the other gets 409), then records the
   * outcome on the lead's workflow through the same Update as POST /v1/leads/{id}/outcomes. If Temporal
   * cannot be reached the claim is undone, so the agent can simply try again.
   */
  public Completion complete(DealershipPrincipal caller, long id, CompleteTaskBody body) {
    TaskRow task = find(caller, id);
    if (task.status().isClosed()) {
      throw ApiException.conflict("task " + id + " is already " + task.status());
    }
    LeadRow lead = leads.findById(task.leadId()).orElseThrow();
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      if (lead.status() == LeadStatus.STARTING) {
        throw ApiException.conflict("the lead's cadence has not started yet");
      }
      String outcome = body.outcome().name();
      TaskRow claimed = tasks.complete(id, outcome, body.note(), clock.instant())
          .orElseThrow(() -> ApiException.conflict("task " + id + " is already done"));
      Long agentId = caller.agentId() != null ? caller.agentId() : task.agentId();
      LeadState state;
      try {
        state = workflows.recordOutcome(lead.workflowId(),
            new Outcome(body.outcome(), agentId, body.note(), claimed.id()));
      } catch (CadenceUnavailableException e) {
        tasks.reopen(id, task.status());
        throw e;
      }
      LOG.info("Task {} completed with {}: lead status {}", id, outcome, state.status());
      return new Completion(view(caller, tasks.findById(id).orElseThrow(), false), state);
    }
  }

  private TaskRow find(DealershipPrincipal caller, long id) {
    return tasks.findByIdForDealership(caller.id(), id)
        .filter(t -> caller.seesWholeDealership() || Objects.equals(t.agentId(), caller.agentId()))
        .orElseThrow(() -> ApiException.notFound("task " + id));
  }

  private TaskView view(DealershipPrincipal caller, TaskRow task, boolean withTouches) {
    List<TouchView> history = withTouches
        ? touches.listByLead(task.leadId()).stream().map(TouchView::of).toList()
        : null;
    return TaskView.of(task, summaries.of(task.leadId(), caller.dealership()), history);
  }
}
