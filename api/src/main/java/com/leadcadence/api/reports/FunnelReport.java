package com.leadcadence.api.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /v1/reports/funnel: the total, the groups (largest first; empty without groupBy) and the benchmarks.
 * step: the step whose variants group the leads (groupBy=variant only; absent otherwise).
 */
public record FunnelReport(
    LocalDate from,
    LocalDate to,
    String zone,
    String groupBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String step,
    Map<String, Object> benchmarks,
    FunnelRow total,
    List<FunnelRow> groups) {}
