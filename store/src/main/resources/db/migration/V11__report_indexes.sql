-- Funnel reports (issue 9): each per-lead aggregate of FunnelReportDao reads one index that starts with
-- the lead id and holds every column the report needs, so no report touches the wide rows themselves
-- (touches carry the rendered message body, tasks the script).
-- touches: sent or not (status, provider), channel, when, and the step reached.
CREATE INDEX ix_touches_report ON touches (lead_id, status, channel, provider, performed_at, step_index, step_id);
-- lead_outcomes: attempts, appointments and sales with their times.
CREATE INDEX ix_lead_outcomes_report ON lead_outcomes (lead_id, type, recorded_at);
-- tasks: call tasks and their outcome, replies and call-backs, and the first call's deadline (at-risk list).
CREATE INDEX ix_tasks_report ON tasks (lead_id, kind, outcome, due_at);
-- provider_events had no lead index: e-mail opens and clicks per lead (the engagement claims of SendGridEvents).
CREATE INDEX ix_provider_events_lead ON provider_events (lead_id, provider, event_type, event_id);
