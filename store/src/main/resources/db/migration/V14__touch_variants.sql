-- A/B template variants (issue 10, item 5): the template variant a lead got at a step that has variants
-- (NULL for a step with one template). GET /v1/cadences/{name}/variants counts by it.
ALTER TABLE touches ADD COLUMN variant VARCHAR(64) NULL AFTER template_id;
