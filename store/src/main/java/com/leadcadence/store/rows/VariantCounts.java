package com.leadcadence.store.rows;

/**
 * One A/B variant of a step, counted over a dealership's touches ({@link
 * com.leadcadence.store.dao.VariantReportDao}): sent, how many of those leads responded after it, and how
 * many were contacted after it.
 */
public record VariantCounts(String stepId, String variant, long sent, long responses, long contacts) {}
