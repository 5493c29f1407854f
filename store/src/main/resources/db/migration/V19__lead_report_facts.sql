-- Funnel reports (issue 9): per-lead report facts kept up to date on writes, so that a report reads one
-- row per lead through (dealership_id, received_at) instead of aggregating touches, outcomes, tasks,
-- engagement and opt-outs per request. The columns are those of LeadReportFactsDao.LEAD_FACTS's lead_facts
-- (FunnelGrouping's expressions read them by name); one row per lead that is not a DUPLICATE.
CREATE TABLE lead_report_facts (
  id                    BIGINT       NOT NULL PRIMARY KEY,  -- the lead's id
  dealership_id         BIGINT       NOT NULL,
  received_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  source                VARCHAR(64)  NOT NULL,
  grade                 CHAR(1)      NOT NULL,
  agent_id              BIGINT       NULL,
  first_contact_at      TIMESTAMP(3) NULL,
  first_sent_at         TIMESTAMP(3) NULL,
  first_sent_channel    VARCHAR(16)  NULL,
  last_step             VARCHAR(64)  NULL,
  first_call_at         TIMESTAMP(3) NULL,
  emails_sent           INT          NOT NULL,
  texts_sent            INT          NOT NULL,
  voicemails_sent       INT          NOT NULL,
  messages_failed       INT          NOT NULL,
  calls_reported        INT          NOT NULL,
  appointment           BOOLEAN      NOT NULL,
  sold                  BOOLEAN      NOT NULL,
  call_tasks            INT          NOT NULL,
  calls_answered        INT          NOT NULL,
  text_replies          INT          NOT NULL,
  voicemail_callbacks   INT          NOT NULL,
  emails_engaged        INT          NOT NULL,
  opted_out             BOOLEAN      NOT NULL,
  response_ms           BIGINT       NULL,
  contact_ms            BIGINT       NULL,
  first_attempt_channel VARCHAR(16)  NULL,
  KEY ix_lead_report_facts_received (dealership_id, received_at)
);

-- Marks of leads whose facts may be out of date: every write that can change a lead's facts adds one (the
-- triggers below, in the writer's own transaction). Insert-only: a write never updates or locks a row
-- that another write or a refresh holds, so marking adds no lock wait and no deadlock to the cadence's
-- transactions (one row per lead, bumped by every write, would be locked by each writer until it commits).
-- A refresh deletes exactly the marks it read, so a mark committed meanwhile keeps its lead dirty.
CREATE TABLE lead_report_facts_dirty (
  id       BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id  BIGINT NOT NULL,
  KEY ix_lead_report_facts_dirty_lead (lead_id)
);

-- Each trigger is one statement (no BEGIN ... END, so no DELIMITER for Flyway). An UPDATE marks only when
-- a column the facts read changes: touches and tasks are updated many times on their way (claims,
-- escalations, notes) without changing any fact. A changed lead_id marks the old lead and the new one.

CREATE TRIGGER lead_report_facts_leads_insert AFTER INSERT ON leads FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (NEW.id);

-- Of the status only whether the lead is a DUPLICATE matters; phone and email decide its opt-outs.
CREATE TRIGGER lead_report_facts_leads_update AFTER UPDATE ON leads FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT NEW.id FROM DUAL
  WHERE NOT (OLD.dealership_id <=> NEW.dealership_id AND OLD.source <=> NEW.source AND OLD.grade <=> NEW.grade
             AND OLD.assigned_agent_id <=> NEW.assigned_agent_id AND OLD.first_contact_at <=> NEW.first_contact_at
             AND (OLD.status = 'DUPLICATE') <=> (NEW.status = 'DUPLICATE') AND OLD.created_at <=> NEW.created_at
             AND OLD.phone <=> NEW.phone AND OLD.email <=> NEW.email);

CREATE TRIGGER lead_report_facts_leads_delete AFTER DELETE ON leads FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (OLD.id);

CREATE TRIGGER lead_report_facts_touches_insert AFTER INSERT ON touches FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (NEW.lead_id);

CREATE TRIGGER lead_report_facts_touches_update AFTER UPDATE ON touches FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT changed.lead_id FROM (SELECT OLD.lead_id AS lead_id UNION SELECT NEW.lead_id) changed
  WHERE NOT (OLD.lead_id <=> NEW.lead_id AND OLD.status <=> NEW.status AND OLD.channel <=> NEW.channel
             AND OLD.provider <=> NEW.provider AND OLD.performed_at <=> NEW.performed_at
             AND OLD.step_index <=> NEW.step_index AND OLD.step_id <=> NEW.step_id);

CREATE TRIGGER lead_report_facts_touches_delete AFTER DELETE ON touches FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (OLD.lead_id);

CREATE TRIGGER lead_report_facts_outcomes_insert AFTER INSERT ON lead_outcomes FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (NEW.lead_id);

CREATE TRIGGER lead_report_facts_outcomes_update AFTER UPDATE ON lead_outcomes FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT changed.lead_id FROM (SELECT OLD.lead_id AS lead_id UNION SELECT NEW.lead_id) changed
  WHERE NOT (OLD.lead_id <=> NEW.lead_id AND OLD.type <=> NEW.type AND OLD.recorded_at <=> NEW.recorded_at);

CREATE TRIGGER lead_report_facts_outcomes_delete AFTER DELETE ON lead_outcomes FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (OLD.lead_id);

CREATE TRIGGER lead_report_facts_tasks_insert AFTER INSERT ON tasks FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (NEW.lead_id);

CREATE TRIGGER lead_report_facts_tasks_update AFTER UPDATE ON tasks FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT changed.lead_id FROM (SELECT OLD.lead_id AS lead_id UNION SELECT NEW.lead_id) changed
  WHERE NOT (OLD.lead_id <=> NEW.lead_id AND OLD.kind <=> NEW.kind AND OLD.outcome <=> NEW.outcome);

CREATE TRIGGER lead_report_facts_tasks_delete AFTER DELETE ON tasks FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id) VALUES (OLD.lead_id);

-- provider_events: e-mail opens and clicks count per lead; ProviderEventDao also deletes a claim it
-- could not finish. Events without a lead change nothing.
CREATE TRIGGER lead_report_facts_provider_events_insert AFTER INSERT ON provider_events FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT NEW.lead_id FROM DUAL WHERE NEW.lead_id IS NOT NULL;

CREATE TRIGGER lead_report_facts_provider_events_update AFTER UPDATE ON provider_events FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT changed.lead_id FROM (SELECT OLD.lead_id AS lead_id UNION SELECT NEW.lead_id) changed
  WHERE changed.lead_id IS NOT NULL
    AND NOT (OLD.lead_id <=> NEW.lead_id AND OLD.provider <=> NEW.provider AND OLD.event_type <=> NEW.event_type
             AND OLD.event_id <=> NEW.event_id);

CREATE TRIGGER lead_report_facts_provider_events_delete AFTER DELETE ON provider_events FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT OLD.lead_id FROM DUAL WHERE OLD.lead_id IS NOT NULL;

-- An opt-out (or its removal, an SMS START) changes opted_out for every lead of the dealership with that
-- phone or e-mail: one lookup each through ix_leads_phone and ix_leads_email. In ascending lead id, the
-- order in which a refresh deletes marks, so that the two never wait on each other in a cycle.
CREATE TRIGGER lead_report_facts_opt_outs_insert AFTER INSERT ON opt_outs FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT same_address.id FROM (
    SELECT l.id FROM leads l WHERE l.dealership_id = NEW.dealership_id AND l.phone = NEW.address
    UNION
    SELECT l.id FROM leads l WHERE l.dealership_id = NEW.dealership_id AND l.email = NEW.address
  ) same_address
  ORDER BY same_address.id;

CREATE TRIGGER lead_report_facts_opt_outs_delete AFTER DELETE ON opt_outs FOR EACH ROW
  INSERT INTO lead_report_facts_dirty (lead_id)
  SELECT same_address.id FROM (
    SELECT l.id FROM leads l WHERE l.dealership_id = OLD.dealership_id AND l.phone = OLD.address
    UNION
    SELECT l.id FROM leads l WHERE l.dealership_id = OLD.dealership_id AND l.email = OLD.address
  ) same_address
  ORDER BY same_address.id;

-- The leads already there: after the triggers, so that no write between the two goes unmarked. The first
-- refresh (a report, or the API's background refresh) computes their facts.
INSERT INTO lead_report_facts_dirty (lead_id)
SELECT id FROM leads WHERE status <> 'DUPLICATE' ORDER BY id;
