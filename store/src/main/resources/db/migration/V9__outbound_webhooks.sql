-- Webhooks out to the dealership's CRM (issue 8, item 4).

-- A CRM's subscription: where to POST which event types. secret signs every delivery (HMAC-SHA256); it
-- is shown once at creation and kept here because signing needs it (protect it like the database itself).
CREATE TABLE webhook_subscriptions (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT        NOT NULL,
  url            VARCHAR(2000) NOT NULL,
  events         VARCHAR(500)  NOT NULL,  -- comma-separated event types, e.g. "lead.created,touch.sent"
  secret         VARCHAR(100)  NOT NULL,
  created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  deleted_at     TIMESTAMP(3)  NULL,
  KEY ix_webhook_subscriptions_dealership (dealership_id, deleted_at),
  CONSTRAINT fk_webhook_subscriptions_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);

-- The outbox: one row per change of a lead, written in the transaction of the change (only while the
-- dealership has a subscription). event_key names the change itself (e.g. "touch:42:sent"), so a retried
-- activity records it once. dispatched_at: handed to the delivery workflows of the matching subscriptions.
CREATE TABLE lead_events (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_key      VARCHAR(191)  NOT NULL,
  dealership_id  BIGINT        NOT NULL,
  lead_id        BIGINT        NOT NULL,
  source         VARCHAR(64)   NOT NULL,
  external_id    VARCHAR(128)  NOT NULL,
  type           VARCHAR(32)   NOT NULL,
  data           TEXT          NOT NULL,  -- a small JSON object
  occurred_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  dispatched_at  TIMESTAMP(3)  NULL,
  UNIQUE KEY uq_lead_events_key (event_key),
  KEY ix_lead_events_undispatched (dispatched_at, id)
);

-- One row per (subscription, event): the unique key makes a second dispatch of an event a no-op.
CREATE TABLE webhook_deliveries (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subscription_id  BIGINT        NOT NULL,
  event_id         BIGINT        NOT NULL,
  lead_id          BIGINT        NOT NULL,
  status           VARCHAR(16)   NOT NULL,  -- PENDING | DELIVERED | FAILED | CANCELLED
  attempts         INT           NOT NULL DEFAULT 0,
  last_status_code INT           NULL,
  last_error       VARCHAR(500)  NULL,
  give_up_at       TIMESTAMP(3)  NOT NULL,
  created_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_attempt_at  TIMESTAMP(3)  NULL,
  finished_at      TIMESTAMP(3)  NULL,
  UNIQUE KEY uq_webhook_deliveries_event (subscription_id, event_id),
  KEY ix_webhook_deliveries_subscription (subscription_id, id),
  CONSTRAINT fk_webhook_deliveries_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id),
  CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_id) REFERENCES lead_events (id)
);
