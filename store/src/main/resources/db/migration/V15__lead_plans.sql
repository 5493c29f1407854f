-- The cadence plan (name and version) a lead's workflow runs, so that a plan migration can find the leads
-- on a version (issue 10). Written when the workflow starts and again when it switches plans (a migration,
-- a grade change). NULL for leads started before this column: their plan is in their workflow's input only.
-- lead_changes gains the kind PLAN (from_value and to_value "standard v1").
ALTER TABLE leads
  ADD COLUMN plan_name    VARCHAR(64) NULL,
  ADD COLUMN plan_version INT         NULL,
  ADD KEY ix_leads_plan (dealership_id, plan_name, plan_version, status);
