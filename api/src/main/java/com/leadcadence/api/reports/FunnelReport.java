package com.leadcadence.api.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** GET /v1/reports/funnel: the total, the groups (largest first; empty without groupBy) and the benchmarks. */
public record FunnelReport(
    LocalDate from,
    LocalDate to,
    String zone,
    String groupBy,
    Map<String, Object> benchmarks,
    FunnelRow total,
    List<FunnelRow> groups) {}
