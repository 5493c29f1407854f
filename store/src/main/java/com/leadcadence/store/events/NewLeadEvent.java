package com.leadcadence.store.events;

import com.leadcadence.store.rows.LeadEventType;

/** An event to record: key names the change that caused it, so recording it twice stores it once. */
public record NewLeadEvent(String key, long leadId, LeadEventType type, String data) {}
