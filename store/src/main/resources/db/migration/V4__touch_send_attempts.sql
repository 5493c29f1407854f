-- The attempt that holds a touch while it talks to a provider (issue 7, item 2). send_token is written
-- when an attempt claims the touch (PENDING or UNCONFIRMED -> SENDING) and checked by every later write of
-- that attempt, so a superseded attempt's late answer changes nothing. claimed_at is when the current
-- attempt claimed it; sending_since when the first attempt handed the message over (lookups start there).
-- status gains UNCONFIRMED: handed to a provider, fate not settled yet (VARCHAR(32) already fits it).
ALTER TABLE touches
  ADD COLUMN send_token    VARCHAR(36)   NULL AFTER detail,
  ADD COLUMN claimed_at    TIMESTAMP(3)  NULL AFTER send_token,
  ADD COLUMN sending_since TIMESTAMP(3)  NULL AFTER claimed_at;

CREATE INDEX ix_touches_status ON touches (status);
