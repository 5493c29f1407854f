package com.leadcadence.api.leads;

import com.leadcadence.activities.agents.AgentAssigner;
import com.leadcadence.activities.agents.AgentRoster;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.DealershipRow;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.store.rows.TaskKind;
import com.leadcadence.store.rows.TaskRow;
import com.leadcadence.workflows.model.LeadStatus;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a lead, or all of an agent's work, to another agent: the lead's open tasks (not the managers'
 * escalations), its row, and its workflow (signalled, so later call tasks go to the new agent too).
 * The one place both {@code POST /v1/leads/{id}/reassign} and deactivating an agent go through.
 */
public final class LeadReassignment {
  private static final Logger LOG = LoggerFactory.getLogger(LeadReassignment.class);

  private final LeadDao leads;
  private final AgentDao agents;
  private final TaskDao tasks;
  private final LeadWorkflows workflows;
  private final AgentNotifier notifier;
  private final Clock clock;

  public LeadReassignment(LeadDao leads, AgentDao agents, TaskDao tasks, LeadWorkflows workflows,
      AgentNotifier notifier, Clock clock) {
    this.leads = leads;
    this.agents = agents;
    this.tasks = tasks;
    this.workflows = workflows;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** The lead and its open tasks go to agentId (an active agent of the same dealership, else 422). */
  public LeadRow reassign(DealershipRow dealership, LeadRow lead, long agentId) {
    AgentRow agent = agents.findById(dealership.id(), agentId)
        .filter(AgentRow::active)
        .orElseThrow(() -> ApiException.invalid("agentId", "is not an active agent of this dealership"));
    if (lead.status().isTerminal()) {
      throw ApiException.conflict("the cadence has already ended with status " + lead.status());
    }
    moveLead(lead, agent, "reassigned");
    return leads.findById(lead.id()).orElseThrow();
  }

  /**
   * A deactivated agent's open tasks and running leads move to others by the assignment rule (the
   * leads with their tasks). Returns how many tasks moved; work nobody can take stays where it is.
   */
  public int moveWorkOf(DealershipRow dealership, AgentRow leaving) {
    int moved = 0;
    for (LeadRow lead : leads.listRunningByAgent(dealership.id(), leaving.id())) {
      Optional<AgentRoster.Pick> next = nextAgent(dealership, leaving);
      if (next.isPresent()) {
        moved += moveLead(lead, next.get().agent(), "agent deactivated");
      }
    }
    for (TaskRow task : tasks.listOpenByAgent(leaving.id())) {
      Optional<AgentRoster.Pick> next = nextAgent(dealership, leaving);
      if (next.isPresent() && moveTask(task, next.get().agent(), "agent deactivated")) {
        moved++;
      }
    }
    return moved;
  }

  private Optional<AgentRoster.Pick> nextAgent(DealershipRow dealership, AgentRow leaving) {
    return AgentAssigner.assign(agents, dealership, clock.instant(), leaving.id());
  }

  private int moveLead(LeadRow lead, AgentRow agent, String why) {
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      leads.assignAgent(lead.id(), agent.id());
      if (lead.status() != LeadStatus.STARTING) {
        workflows.reassign(lead.workflowId(), agent.id());
      }
      int moved = 0;
      for (TaskRow task : tasks.listOpenByLead(lead.id())) {
        if (task.kind() != TaskKind.ESCALATION && moveTask(task, agent, why)) {
          moved++;
        }
      }
      LOG.info("Lead {} {} to agent {} with {} open task(s)", lead.id(), why, agent.id(), moved);
      return moved;
    }
  }

  private boolean moveTask(TaskRow task, AgentRow agent, String why) {
    Optional<TaskRow> moved = tasks.reassign(task.id(), agent.id(), why);
    moved.ifPresent(t -> notifier.taskAssigned(t, leads.findById(t.leadId()).orElseThrow()));
    return moved.isPresent();
  }
}
