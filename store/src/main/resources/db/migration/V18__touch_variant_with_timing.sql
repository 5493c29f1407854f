-- A/B timing variants (issue 10, item 5): a touch's variant may now name its template variant and its timing
-- variant ("intro-short+time:day 2 at 17:30", see workflows' VariantLabel). A template id is up to 64
-- characters, so the column grows to hold both.
ALTER TABLE touches MODIFY COLUMN variant VARCHAR(128) NULL;
