package com.leadcadence.store.rows;

/** A mark (markId: lead_report_facts_dirty.id) saying that a lead's report facts may be out of date. */
public record DirtyLead(long markId, long leadId) {}
