-- Plan migrations of running leads (issue 10, item 3): POST /v1/cadences/{name}/migrate inserts one
-- cadence_migrations row and starts its workflow (workflow_id), which moves (or, for a dry run, previews)
-- every running lead on plan_name at from_version to to_version. The counts are recomputed from
-- cadence_migration_leads after every page, so a retried step never counts twice. total: the running
-- leads on that version when the migration was created.
CREATE TABLE cadence_migrations (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id   BIGINT        NOT NULL,
  plan_name       VARCHAR(64)   NOT NULL,
  from_version    INT           NOT NULL,
  to_version      INT           NOT NULL,
  dry_run         BOOLEAN       NOT NULL,
  status          VARCHAR(16)   NOT NULL,  -- RUNNING | DONE | FAILED
  total           INT           NOT NULL DEFAULT 0,
  switched        INT           NOT NULL DEFAULT 0,
  no_counterpart  INT           NOT NULL DEFAULT 0,
  already         INT           NOT NULL DEFAULT 0,
  not_running     INT           NOT NULL DEFAULT 0,
  failed          INT           NOT NULL DEFAULT 0,
  error           VARCHAR(500)  NULL,
  workflow_id     VARCHAR(64)   NULL,
  created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  finished_at     TIMESTAMP(3)  NULL,
  KEY ix_cadence_migrations_plan (dealership_id, plan_name, id),
  CONSTRAINT fk_cadence_migrations_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);

-- One lead's result in a migration, upserted per (migration, lead). outcome: SWITCHED | NO_COUNTERPART |
-- ALREADY_ON_IT | NOT_RUNNING | FAILED (in a dry run: what would happen). position: the last step the lead
-- went through in its old plan; next_step_id: where it continues (would continue) in the new one.
CREATE TABLE cadence_migration_leads (
  migration_id   BIGINT        NOT NULL,
  lead_id        BIGINT        NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  position       VARCHAR(64)   NULL,
  next_step_id   VARCHAR(64)   NULL,
  reason         VARCHAR(500)  NULL,
  recorded_at    TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (migration_id, lead_id),
  KEY ix_cadence_migration_leads_outcome (migration_id, outcome, lead_id),
  CONSTRAINT fk_cadence_migration_leads_migration FOREIGN KEY (migration_id) REFERENCES cadence_migrations (id),
  CONSTRAINT fk_cadence_migration_leads_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
