package com.leadcadence.worker.cadence;

import com.leadcadence.workflows.LeadCadenceWorkflow;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.ChannelFailure;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptInRequest;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.Reassignment;
import com.leadcadence.workflows.model.Rescore;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * A careless rewrite of the cadence (it sleeps a day before anything else) for the negative replay
 * test: replaying a real history against it must fail, which shows the replay check can fail at all.
 */
public class ChangedCadenceWorkflow implements LeadCadenceWorkflow {

  @Override
  public CadenceResult run(LeadCadenceInput input) {
    Workflow.sleep(Duration.ofDays(1));
    return new CadenceResult(LeadStatus.RETIRED, 0, 0);
  }

  @Override
  public LeadState recordOutcome(Outcome outcome) {
    return null;
  }

  @Override
  public void validateOutcome(Outcome outcome) {}

  @Override
  public void optOut(OptOutRequest request) {}

  @Override
  public void optIn(OptInRequest request) {}

  @Override
  public void channelFailed(ChannelFailure failure) {}

  @Override
  public void engagement(EngagementEvent event) {}

  @Override
  public void pause(PauseRequest request) {}

  @Override
  public void resume(PauseRequest request) {}

  @Override
  public void reassign(Reassignment reassignment) {}

  @Override
  public void rescore(Rescore rescore) {}

  @Override
  public void trackTask(com.leadcadence.workflows.model.TaskDeadline deadline) {}

  @Override
  public com.leadcadence.workflows.model.PlanSwitchResult switchPlan(
      com.leadcadence.workflows.model.PlanSwitch request) {
    throw new UnsupportedOperationException("not part of this test");
  }

  @Override
  public void validatePlanSwitch(com.leadcadence.workflows.model.PlanSwitch request) {}

  @Override
  public com.leadcadence.workflows.model.PlanSwitchResult previewPlanSwitch(
      com.leadcadence.workflows.model.CadencePlan plan) {
    throw new UnsupportedOperationException("not part of this test");
  }

  @Override
  public LeadState state() {
    return null;
  }
}
