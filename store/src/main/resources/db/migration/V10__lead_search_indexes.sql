-- Lead search for CRMs (GET /v1/leads): every page is one keyset range scan of the caller's dealership.
-- Newest first walks ix_leads_created; polling with updatedSince walks ix_leads_updated; a single status,
-- grade, source or agent has its own (dealership, value, created_at, id) index so its pages come sorted
-- from the index (no filesort). q looks a lead up by phone (exact E.164), e-mail prefix or name prefix.
-- ix_leads_status and ix_leads_phone are replaced by their extended forms (same leading columns).
ALTER TABLE leads
  DROP KEY ix_leads_status,
  DROP KEY ix_leads_phone,
  ADD KEY ix_leads_created (dealership_id, created_at, id),
  ADD KEY ix_leads_updated (dealership_id, updated_at, id),
  ADD KEY ix_leads_status_created (dealership_id, status, created_at, id),
  ADD KEY ix_leads_grade_created (dealership_id, grade, created_at, id),
  ADD KEY ix_leads_source_created (dealership_id, source, created_at, id),
  ADD KEY ix_leads_agent_created (dealership_id, assigned_agent_id, created_at, id),
  ADD KEY ix_leads_phone (dealership_id, phone, created_at, id),
  ADD KEY ix_leads_last_name (dealership_id, last_name, first_name),
  ADD KEY ix_leads_first_name (dealership_id, first_name);
