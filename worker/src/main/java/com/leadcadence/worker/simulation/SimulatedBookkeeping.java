package com.leadcadence.worker.simulation;

import com.leadcadence.workflows.activities.EscalationResult;
import com.leadcadence.workflows.activities.LeadProfileChange;
import com.leadcadence.workflows.activities.LeadRecordActivities;
import com.leadcadence.workflows.activities.ManagerAlert;
import com.leadcadence.workflows.activities.OutcomeRecord;
import com.leadcadence.workflows.activities.OverdueResult;
import com.leadcadence.workflows.activities.PlanSwitchRecord;
import com.leadcadence.workflows.activities.StatusChange;
import com.leadcadence.workflows.activities.TaskActivities;
import com.leadcadence.workflows.activities.TaskSlaRequest;

/**
 * The bookkeeping activities, in memory: rows are not written (the ledger holds what the figures need), a
 * manager alert is counted, and call tasks are never overdue because the simulated agent works each at once.
 */
final class SimulatedBookkeeping {
  private SimulatedBookkeeping() {}

  static LeadRecordActivities records(SimulationLedger ledger) {
    return new LeadRecordActivities() {
      @Override
      public void recordOutcome(OutcomeRecord record) { }

      @Override
      public void recordStatus(StatusChange change) { }

      @Override
      public void recordProfile(LeadProfileChange change) { }

      @Override
      public void recordPlanSwitch(PlanSwitchRecord record) { }

      @Override
      public void alertManager(ManagerAlert alert) {
        ledger.managerAlerted(alert.leadId());
      }
    };
  }

  static TaskActivities taskSla() {
    return new TaskActivities() {
      @Override
      public OverdueResult markOverdue(TaskSlaRequest request) {
        return new OverdueResult(false);
      }

      @Override
      public EscalationResult escalate(TaskSlaRequest request) {
        return EscalationResult.notEscalated();
      }
    };
  }
}
