-- Lead Cadence schema. Runs on MySQL 8 and MariaDB 10.11+ alike (no MySQL-only JSON operators).
-- Times are UTC, millisecond precision.

CREATE TABLE dealerships (
  id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                   VARCHAR(200) NOT NULL,
  time_zone              VARCHAR(64)  NOT NULL,
  -- e.g. "MON-FRI 09:00-20:00; SAT 09:00-18:00" (parsed by the store's BusinessHoursFormat)
  business_hours         VARCHAR(500) NOT NULL,
  sender_name            VARCHAR(200) NOT NULL,
  sender_email           VARCHAR(320) NOT NULL,
  sender_phone           VARCHAR(20)  NULL,
  -- the dealership declares that its first-party web form captures SMS/voice consent
  web_form_captures_consent BOOLEAN   NOT NULL DEFAULT FALSE,
  -- comma-separated lead sources that are the dealership's own (scored higher than third-party)
  first_party_sources    VARCHAR(500) NOT NULL DEFAULT 'website',
  created_at             TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE api_keys (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT       NOT NULL,
  key_hash       CHAR(64)     NOT NULL,  -- SHA-256 hex of the key; the key itself is never stored
  label          VARCHAR(100) NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  revoked_at     TIMESTAMP(3) NULL,
  UNIQUE KEY uq_api_keys_hash (key_hash),
  CONSTRAINT fk_api_keys_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);

CREATE TABLE agents (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT       NOT NULL,
  name           VARCHAR(200) NOT NULL,
  email          VARCHAR(320) NULL,
  phone          VARCHAR(20)  NULL,
  role           VARCHAR(16)  NOT NULL,  -- AGENT | MANAGER
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY ix_agents_dealership (dealership_id, role, active),
  CONSTRAINT fk_agents_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);

CREATE TABLE leads (
  id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id        BIGINT        NOT NULL,
  source               VARCHAR(64)   NOT NULL,
  external_id          VARCHAR(128)  NOT NULL,
  first_name           VARCHAR(100)  NOT NULL,
  last_name            VARCHAR(100)  NOT NULL,
  email                VARCHAR(320)  NULL,
  phone                VARCHAR(20)   NULL,   -- E.164
  time_zone            VARCHAR(64)   NOT NULL,
  vehicle_year         INT           NULL,
  vehicle_make         VARCHAR(64)   NULL,
  vehicle_model        VARCHAR(64)   NULL,
  vehicle_trim         VARCHAR(64)   NULL,
  vehicle_vin          VARCHAR(17)   NULL,
  vehicle_stock_number VARCHAR(32)   NULL,
  timeframe            VARCHAR(32)   NULL,
  comments             TEXT          NULL,
  consent_sms          BOOLEAN       NOT NULL DEFAULT FALSE,
  consent_voice        BOOLEAN       NOT NULL DEFAULT FALSE,
  consent_source       VARCHAR(64)   NULL,
  consent_at           TIMESTAMP(3)  NULL,
  score                INT           NOT NULL,
  grade                CHAR(1)       NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  assigned_agent_id    BIGINT        NULL,
  workflow_id          VARCHAR(64)   NULL,
  created_at           TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at           TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  first_response_at    TIMESTAMP(3)  NULL,
  first_contact_at     TIMESTAMP(3)  NULL,
  closed_at            TIMESTAMP(3)  NULL,
  UNIQUE KEY uq_leads_external (dealership_id, source, external_id),
  UNIQUE KEY uq_leads_workflow (workflow_id),
  KEY ix_leads_status (dealership_id, status),
  KEY ix_leads_email (dealership_id, email),
  KEY ix_leads_phone (dealership_id, phone),
  CONSTRAINT fk_leads_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id),
  CONSTRAINT fk_leads_agent FOREIGN KEY (assigned_agent_id) REFERENCES agents (id)
);

-- One row per step attempt; idempotency_key (workflowId:stepIndex) makes a retried step a no-op.
CREATE TABLE touches (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id          BIGINT        NOT NULL,
  step_index       INT           NOT NULL,
  step_id          VARCHAR(64)   NOT NULL,
  channel          VARCHAR(16)   NOT NULL,  -- EMAIL | SMS | CALL | VOICEMAIL
  template_id      VARCHAR(64)   NOT NULL,
  idempotency_key  VARCHAR(128)  NOT NULL,
  status           VARCHAR(32)   NOT NULL,  -- PENDING | SENDING | SENT | TASK_CREATED | SKIPPED_OPTED_OUT | CHANNEL_BLOCKED | DELIVERED | FAILED
  recipient        VARCHAR(320)  NULL,
  subject          VARCHAR(300)  NULL,
  body             TEXT          NULL,      -- the rendered message as sent (or as the dry run would have sent it)
  provider         VARCHAR(32)   NULL,      -- dry-run | sendgrid | twilio
  provider_id      VARCHAR(128)  NULL,
  detail           VARCHAR(500)  NULL,
  performed_at     TIMESTAMP(3)  NOT NULL,  -- workflow time of the step
  created_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uq_touches_idempotency (idempotency_key),
  KEY ix_touches_lead (lead_id, performed_at),
  KEY ix_touches_provider (provider, provider_id),
  CONSTRAINT fk_touches_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Work for a human: call the lead (CALL), answer a reply (LEAD_REPLIED).
CREATE TABLE tasks (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id       BIGINT        NOT NULL,
  agent_id      BIGINT        NULL,
  touch_id      BIGINT        NULL,
  kind          VARCHAR(16)   NOT NULL,
  status        VARCHAR(16)   NOT NULL,  -- OPEN | DONE | CANCELLED
  due_at        TIMESTAMP(3)  NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  completed_at  TIMESTAMP(3)  NULL,
  outcome       VARCHAR(32)   NULL,
  note          VARCHAR(1000) NULL,
  UNIQUE KEY uq_tasks_touch (touch_id),
  KEY ix_tasks_agent (agent_id, status, due_at),
  KEY ix_tasks_lead (lead_id, status),
  CONSTRAINT fk_tasks_lead FOREIGN KEY (lead_id) REFERENCES leads (id),
  CONSTRAINT fk_tasks_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
);

-- Outcomes as reported, oldest first; outcome_key (workflowId:outcome:n) stores each once.
CREATE TABLE lead_outcomes (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id      BIGINT        NOT NULL,
  outcome_key  VARCHAR(128)  NOT NULL,
  type         VARCHAR(32)   NOT NULL,
  agent_id     BIGINT        NULL,
  note         VARCHAR(1000) NULL,
  recorded_at  TIMESTAMP(3)  NOT NULL,
  UNIQUE KEY uq_lead_outcomes_key (outcome_key),
  KEY ix_lead_outcomes_lead (lead_id),
  CONSTRAINT fk_lead_outcomes_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Per dealership and address (E.164 phone or lower-cased email), across all of that address's leads.
CREATE TABLE opt_outs (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT       NOT NULL,
  address        VARCHAR(320) NOT NULL,
  channel        VARCHAR(16)  NOT NULL,  -- SMS | EMAIL | CALL (ALL is stored as all three)
  source         VARCHAR(64)  NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uq_opt_outs (dealership_id, address, channel),
  CONSTRAINT fk_opt_outs_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);

-- Webhook payloads, deduplicated by the provider's own event id.
CREATE TABLE provider_events (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider     VARCHAR(32)  NOT NULL,
  event_id     VARCHAR(191) NOT NULL,
  event_type   VARCHAR(64)  NOT NULL,
  lead_id      BIGINT       NULL,
  payload      TEXT         NOT NULL,
  received_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY uq_provider_events (provider, event_id)
);
