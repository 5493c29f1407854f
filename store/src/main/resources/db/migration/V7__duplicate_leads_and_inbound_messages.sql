-- A lead whose phone or email matches an open lead of the same dealership from the last 30 days is
-- stored as status DUPLICATE, grade D, without a workflow, and points at that original here.
ALTER TABLE leads ADD COLUMN duplicate_of BIGINT NULL AFTER workflow_id;
ALTER TABLE leads ADD CONSTRAINT fk_leads_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES leads (id);

-- Every e-mail SendGrid Inbound Parse posts to us, kept with what became of it: ACCEPTED (its ADF made
-- lead_id, new or repeated) or REJECTED (no ADF, unknown recipient, an ADF intake refused) with the
-- reason. Nothing received is dropped silently.
CREATE TABLE inbound_messages (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT        NULL,     -- unknown when no recipient address is a dealership's
  recipient      VARCHAR(1000) NULL,     -- the addresses it was sent to (to, or the envelope's)
  sender         VARCHAR(1000) NULL,
  subject        VARCHAR(1000) NULL,
  status         VARCHAR(16)   NOT NULL, -- ACCEPTED | REJECTED
  reason         VARCHAR(2000) NULL,
  lead_id        BIGINT        NULL,
  adf_source     VARCHAR(32)   NULL,     -- where the ADF was found: text, html, attachment name
  body_excerpt   TEXT          NULL,     -- the start of the mail's text (or the ADF), for diagnosis
  received_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY ix_inbound_messages_dealership (dealership_id, received_at),
  KEY ix_inbound_messages_status (status, received_at),
  CONSTRAINT fk_inbound_messages_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id),
  CONSTRAINT fk_inbound_messages_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
