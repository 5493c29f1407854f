-- Changes of a lead that no other table keeps, for its timeline: score and grade changes (written with
-- the new score, by the activity that stores it) and pauses and resumes (written by the API when the
-- workflow accepted the signal). cause: who or what made the change ("lead engagement EMAIL_OPEN",
-- "manager Maria Lopez", "CRM via API key").
CREATE TABLE lead_changes (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lead_id      BIGINT        NOT NULL,
  kind         VARCHAR(16)   NOT NULL,  -- SCORE | GRADE | PAUSED | RESUMED
  from_value   VARCHAR(32)   NULL,
  to_value     VARCHAR(32)   NULL,
  cause        VARCHAR(200)  NULL,
  detail       VARCHAR(500)  NULL,
  occurred_at  TIMESTAMP(3)  NOT NULL,
  KEY ix_lead_changes_lead (lead_id, occurred_at),
  CONSTRAINT fk_lead_changes_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
