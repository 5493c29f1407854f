package com.leadcadence.workflows;

import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.model.CadenceResult;
import com.leadcadence.workflows.model.ChannelFailure;
import com.leadcadence.workflows.model.EngagementEvent;
import com.leadcadence.workflows.model.LeadCadenceInput;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.OptInRequest;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.Outcome;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.PlanSwitch;
import com.leadcadence.workflows.model.PlanSwitchResult;
import com.leadcadence.workflows.model.Reassignment;
import com.leadcadence.workflows.model.Rescore;
import com.leadcadence.workflows.model.TaskDeadline;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lead's follow-up cadence: sleeps until the next step is due, performs it, and stops at once
 * on contact, appointment, opt-out or close. Lives at most about 30 days (plus any paused time).
 */
@WorkflowInterface
public interface LeadCadenceWorkflow {

  @WorkflowMethod
  CadenceResult run(LeadCadenceInput input);

  /** An agent's or CRM's outcome. Returns the state after it is applied. */
  @UpdateMethod
  LeadState recordOutcome(Outcome outcome);

  /** Rejects an outcome before it enters history: missing type, or a cadence that has already ended. */
  @UpdateValidatorMethod(updateName = "recordOutcome")
  void validateOutcome(Outcome outcome);

  @SignalMethod
  void optOut(OptOutRequest request);

  /** Re-subscribes channels the lead opted out of (SMS START); channels never available stay blocked. */
  @SignalMethod
  void optIn(OptInRequest request);

  /** A channel proved unusable for this lead after a send (bounce, undeliverable number): stop using it. */
  @SignalMethod
  void channelFailed(ChannelFailure failure);

  /** Opens, clicks and replies raise the score; a reply also stops automated texts (a person takes over). */
  @SignalMethod
  void engagement(EngagementEvent event);

  @SignalMethod
  void pause(PauseRequest request);

  @SignalMethod
  void resume(PauseRequest request);

  @SignalMethod
  void reassign(Reassignment reassignment);

  @SignalMethod
  void rescore(Rescore rescore);

  /**
   * A task made outside the cadence (a reply to answer, a call to return) for the workflow to watch:
   * overdue at its due time, escalated after its delay, like the cadence's own call tasks.
   */
  @SignalMethod
  void trackTask(TaskDeadline deadline);

  /**
   * Moves the lead to another plan or plan version from its next step on: its position is mapped by step id
   * and no step it went through runs again. A lead whose position has no counterpart is left alone
   * (outcome NO_COUNTERPART). Used by plan migrations.
   */
  @UpdateMethod
  PlanSwitchResult switchPlan(PlanSwitch request);

  /** Rejects a switch without a plan before it enters history. */
  @UpdateValidatorMethod(updateName = "switchPlan")
  void validatePlanSwitch(PlanSwitch request);

  /** What {@link #switchPlan} would do now, changing nothing (a migration's dry run). */
  @QueryMethod
  PlanSwitchResult previewPlanSwitch(CadencePlan plan);

  @QueryMethod
  LeadState state();
}
