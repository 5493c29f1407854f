package com.leadcadence.activities;

import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.activities.notify.AgentNotifier;
import com.leadcadence.store.SharedDaos;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.LeadChangeDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.store.dao.TaskDao;
import com.leadcadence.store.rows.AgentRole;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.workflows.WorkflowIds;
import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.LeadProfileChange;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.activities.PlanSwitchRecord;
import com.leadcadence.workflows.activities.OutcomeRecord;
import com.leadcadence.workflows.activities.StatusChange;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.OutcomeType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the lead's rows in step with its workflow; every method is safe to retry. */
public final class LeadRecordActivitiesImpl implements LeadRecordActivities {
  /** Outcomes that mean a person actually reached the lead (speed-to-contact). */
  static final Set<OutcomeType> CONTACT_MADE = EnumSet.of(OutcomeType.CONTACTED, OutcomeType.APPOINTMENT_SET,
      OutcomeType.SOLD, OutcomeType.NOT_INTERESTED);
  private static final Logger log = LoggerFactory.getLogger(LeadRecordActivitiesImpl.class);

  private final Jdbi jdbi;
  private final AgentNotifier notifier;

  public LeadRecordActivitiesImpl(Jdbi jdbi, AgentNotifier notifier) {
    this.jdbi = jdbi;
    this.notifier = notifier;
  }

  @Override
  public void recordOutcome(OutcomeRecord record) {
    try (LeadMdc ignored = LeadMdc.put(record.leadId(), record.workflowId())) {
      Outcome outcome = record.outcome();
      jdbi.useTransaction(handle -> {
        SharedDaos.on(handle, OutcomeDao.class).insertIfAbsent(record.leadId(), record.key(), outcome.type(),
            outcome.agentId(), outcome.note(), record.at());
        TaskDao tasks = SharedDaos.on(handle, TaskDao.class);
        int closed = outcome.taskId() != null
            // the agent's own task (normally closed already by the API, which claims it first)
            ? tasks.complete(outcome.taskId(), outcome.type().name(), outcome.note(), record.at()).map(t -> 1).orElse(0)
            : tasks.completeOpenCallsOfLead(record.leadId(), outcome.type().name(), outcome.note(), record.at()).size();
        if (record.statusAfter() != null && record.statusAfter().isTerminal()) {
          closed += tasks.cancelOpenByLead(record.leadId(), "cadence ended: " + record.statusAfter(), record.at()).size();
        }
        LeadDao leads = SharedDaos.on(handle, LeadDao.class);
        if (CONTACT_MADE.contains(outcome.type())) {
          leads.markFirstContact(record.leadId(), record.at());
        }
        if (record.statusAfter() != null) {
          leads.updateStatus(record.leadId(), record.statusAfter(), record.at());
        }
        log.info("Outcome {} recorded ({} task(s) closed), status now {}",
            outcome.type(), closed, record.statusAfter());
      });
    }
  }

  /** A terminal status also cancels the lead's open tasks: nobody should call a closed lead. */
  @Override
  public void recordStatus(StatusChange change) {
    try (LeadMdc ignored = LeadMdc.put(change.leadId(), WorkflowIds.forLead(change.leadId()))) {
      jdbi.useTransaction(handle -> {
        SharedDaos.on(handle, LeadDao.class).updateStatus(change.leadId(), change.status(), change.at());
        if (change.status().isTerminal()) {
          SharedDaos.on(handle, TaskDao.class)
              .cancelOpenByLead(change.leadId(), "cadence ended: " + change.status(), change.at());
        }
      });
      log.info("Lead status now {}", change.status());
    }
  }

  @Override
  public void recordProfile(LeadProfileChange change) {
    try (LeadMdc ignored = LeadMdc.put(change.leadId(), WorkflowIds.forLead(change.leadId()))) {
      jdbi.useTransaction(handle -> {
        // The score's change (and the grade's) goes to the lead's timeline with what caused it.
        SharedDaos.on(handle, LeadChangeDao.class).updateScore(change.leadId(), change.score(), change.grade(),
            change.cause(), change.at());
        SharedDaos.on(handle, LeadDao.class).assignAgent(change.leadId(), change.assignedAgentId());
      });
      log.info("Lead score now {} (grade {}), agent {}", change.score(), change.grade(), change.assignedAgentId());
    }
  }

  @Override
  public void recordPlanSwitch(PlanSwitchRecord record) {
    try (LeadMdc ignored = LeadMdc.put(record.leadId(), WorkflowIds.forLead(record.leadId()))) {
      String from = record.fromPlan() + " v" + record.fromVersion();
      jdbi.useTransaction(handle -> SharedDaos.on(handle, LeadChangeDao.class).recordPlanSwitch(record.leadId(), from,
          record.toPlan(), record.toVersion(), record.cause(),
          record.nextStepId() == null ? "nothing left to send" : "next step " + record.nextStepId(), record.at()));
      log.info("Lead moved from plan {} to {} v{}: {}", from, record.toPlan(), record.toVersion(), record.cause());
    }
  }

  @Override
  public void alertManager(ManagerAlert alert) {
    try (LeadMdc ignored = LeadMdc.put(alert.leadId(), alert.workflowId())) {
      List<AgentRow> managers =
          SharedDaos.onDemand(jdbi, AgentDao.class).listActive(alert.dealershipId(), AgentRole.MANAGER);
      notifier.managerAlert(alert, managers);
    }
  }
}
