package com.leadcadence.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Keeps the lead's row (MySQL, the product's queryable truth) in step with its workflow. Idempotent. */
@ActivityInterface
public interface LeadRecordActivities {

  /** Stores the outcome once (by its key), closes the lead's open call tasks, stamps first contact. */
  void recordOutcome(OutcomeRecord record);

  /** Sets the lead's status (and closed time for a terminal one). */
  void recordStatus(StatusChange change);

  /** Stores a new score/grade (engagement, rescore) or agent (reassignment). */
  void recordProfile(LeadProfileChange change);

  /** Stores the lead's new plan (name and version) and the switch in its timeline; once per switch. */
  void recordPlanSwitch(PlanSwitchRecord record);

  /** Tells the dealership's managers that a hot lead is still uncontacted. */
  void alertManager(ManagerAlert alert);
}
