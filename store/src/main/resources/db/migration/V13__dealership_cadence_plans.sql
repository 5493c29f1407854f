-- A dealership's own cadence plans (issue 10, item 2): every PUT of a plan is a new version; old versions
-- stay. body is the plan in the plan files' form, as JSON (what GET /v1/cadences/{name} answers). A
-- dealership's latest version of a name replaces the default plan of that name; other names add to them.
CREATE TABLE cadence_plans (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id  BIGINT        NOT NULL,
  name           VARCHAR(64)   NOT NULL,
  version        INT           NOT NULL,
  body           MEDIUMTEXT    NOT NULL,
  created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY ux_cadence_plans_version (dealership_id, name, version),
  CONSTRAINT fk_cadence_plans_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id)
);
