package com.leadcadence.api.tasks;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.paging.KeysetCursor;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.api.representations.TouchView;
import com.leadcadence.api.leads.IdempotencyKey;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.temporal.OutcomePendingException;
import com.leadcadence.store.dao.OutcomeDao;
import java.util.Optional;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.model.LeadState;
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
  private final OutcomeDao outcomes;
  private final Clock clock;

  public TaskService(TaskDao tasks, LeadDao leads, TouchDao touches, OutcomeDao outcomes,
      com.leadcadence.activities.optout.OptOutRegistry optOuts, LeadWorkflows workflows, Clock clock) {
    this.tasks = tasks;
    this.outcomes = outcomes;
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
    KeysetCursor after = query.cursor();
    List<TaskRow> page = tasks.page(caller.id(), query.statusNames(), agentFilter, query.leadId(),
        after == null ? null : after.at(), after == null ? null : after.id(), query.limit() + 1);
    return ItemsPage.fromRows(page, query.limit(), t -> new KeysetCursor(t.dueAt(), t.id()).encode(),
        t -> view(caller, t, false));
  }

  public TaskView get(DealershipPrincipal caller, long id) {
    return view(caller, find(caller, id), true);
  }

  /**
   * Claims the task (of two concurrent completions one wins, the other gets 409), then records the
   * outcome on the lead's workflow through the same Update as POST /v1/leads/{id}/outcomes. If Temporal
   * cannot be reached the claim is undone, so the agent can simply try again. With an Idempotency-Key,
   * the Update's id is the key's: a retry of a completion that claimed the task gets that completion's
   * answer (200), even after it ended the cadence; a completion by anyone else is still a 409.
   */
  public Completion complete(DealershipPrincipal caller, long id, CompleteTaskBody body, IdempotencyKey key) {
    TaskRow task = find(caller, id);
    LeadRow lead = leads.findById(task.leadId()).orElseThrow();
    String updateId = key == null ? null : key.taskCompletionUpdateId(id);
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      if (task.status().isClosed()) {
        if (updateId != null) {
          Optional<LeadState> earlier = earlierCompletion(lead, updateId);
          if (earlier.isPresent()) {
            LOG.info("Task {} completion repeated with the same Idempotency-Key: answered again", id);
            return new Completion(view(caller, task, false), earlier.get());
          }
        }
        throw ApiException.conflict("task " + id + " is already " + task.status());
      }
      String outcome = body.outcome().name();
      TaskRow claimed = tasks.complete(id, outcome, body.note(), clock.instant())
          .orElseThrow(() -> ApiException.conflict("task " + id + " is already done"));
      Long agentId = caller.agentId() != null ? caller.agentId() : task.agentId();
      LeadState state;
      try {
        state = workflows.recordOutcome(lead.workflowId(),
            new Outcome(body.outcome(), agentId, body.note(), claimed.id()), updateId);
      } catch (OutcomePendingException e) {
        // The Update may still complete (and closes the task itself): keep the claim; a retry with the
        // same key gets its result.
        throw e;
      } catch (CadenceUnavailableException e) {
        tasks.reopen(id, task.status());
        throw e;
      }
      LOG.info("Task {} completed with {}: lead status {}", id, outcome, state.status());
      return new Completion(view(caller, tasks.findById(id).orElseThrow(), false), state);
    }
  }

  /**
   * The answer of the completion sent under this Update id: the Update's own result while the
   * workflow keeps it, or, once the workflow has closed, its final state if the outcome was stored
   * under this id. Empty when no completion was made with this key.
   */
  private Optional<LeadState> earlierCompletion(LeadRow lead, String updateId) {
    boolean stored = outcomes.findByKey(IdempotencyKey.outcomeKey(lead.workflowId(), updateId)).isPresent();
    Optional<LeadState> result = workflows.earlierOutcome(lead.workflowId(), updateId);
    if (result.isPresent() || !stored) {
      return result;
    }
    LeadWorkflows.StateReading reading = workflows.state(lead.workflowId());
    if (reading.state() == null) {
      throw new CadenceUnavailableException(reading.error(), null);
    }
    return Optional.of(reading.state());
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
