package com.leadcadence.api.timeline;

import java.util.List;

/** A lead's timeline, oldest first. */
public record LeadTimelineView(long leadId, List<TimelineEntry> items) {}
