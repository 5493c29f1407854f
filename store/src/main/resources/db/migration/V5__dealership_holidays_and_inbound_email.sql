-- Days the dealership is closed for calls and voicemail drops, besides the days its hours leave out
-- (e.g. "2026-12-25; last MON of MAY"; parsed by the workflows' holiday rules). Empty: no holidays.
ALTER TABLE dealerships ADD COLUMN holidays VARCHAR(2000) NOT NULL DEFAULT '' AFTER business_hours;

-- The address SendGrid Inbound Parse receives this dealership's e-mailed ADF leads at (lower case).
ALTER TABLE dealerships ADD COLUMN inbound_email VARCHAR(320) NULL AFTER first_party_sources;
ALTER TABLE dealerships ADD UNIQUE KEY uq_dealerships_inbound_email (inbound_email);
