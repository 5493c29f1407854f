package com.leadcadence.api.reports;

import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.store.dao.AgentDao;
import com.leadcadence.store.dao.FunnelReportDao;
import com.leadcadence.store.reports.FunnelGrouping;
import com.leadcadence.store.rows.AgentRow;
import com.leadcadence.store.rows.FunnelCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Managers' reports of the caller's dealership, in its time zone. Funnel and speed-to-lead are open to
 * every credential of the dealership (they name nobody); the at-risk list names leads, so an agent's
 * token sees that agent's leads only.
 */
public final class ReportService {
  static final int AT_RISK_LIMIT = 100;

  private final FunnelReportDao reports;
  private final AgentDao agents;
  private final Clock clock;

  public ReportService(FunnelReportDao reports, AgentDao agents, Clock clock) {
    this.reports = reports;
    this.agents = agents;
    this.clock = clock;
  }

  /** The query parameters as they came; null when absent. */
  public record PeriodParameters(String from, String to, String period) {}

  /** groupBy and step as they came (null when absent); step names the A/B step with groupBy=variant. */
  public FunnelReport funnel(DealershipPrincipal caller, PeriodParameters parameters, String groupBy, String step) {
    FunnelGrouping grouping = grouping(groupBy);
    String variantStep = variantStep(grouping, step);
    ReportPeriod period = period(caller, parameters);
    List<FunnelCounts> rows = reports.funnel(caller.id(), period.start(), period.end(), grouping, variantStep);
    FunnelCounts total = rows.stream().filter(FunnelCounts::total).findFirst().orElseThrow();
    boolean salesReported = total.sold() > 0;
    Function<String, String> labels = labels(caller, grouping);
    List<FunnelRow> groups = rows.stream().filter(r -> !r.total())
        .map(r -> {
          String key = r.groupKey() == null ? FunnelRow.NONE_KEY : r.groupKey();
          return FunnelRow.of(key, r.groupKey() == null ? key : labels.apply(key), r, salesReported);
        })
        .toList();
    return new FunnelReport(period.from(), period.to(), period.zone().getId(),
        grouping == FunnelGrouping.NONE ? null : grouping.name().toLowerCase(Locale.ROOT), variantStep,
        Benchmarks.FUNNEL,
        FunnelRow.of(FunnelRow.TOTAL_KEY, FunnelRow.TOTAL_KEY, total, salesReported), groups);
  }

  public SpeedToLeadReport speedToLead(DealershipPrincipal caller, PeriodParameters parameters) {
    ReportPeriod period = period(caller, parameters);
    return SpeedToLeadReport.of(period, reports.speedToLead(caller.id(), period.start(), period.end()));
  }

  public AtRiskReport atRisk(DealershipPrincipal caller) {
    Instant now = clock.instant();
    Long agentId = caller.seesWholeDealership() ? null : caller.agentId();
    return new AtRiskReport(reports.atRisk(caller.id(), agentId, now, AT_RISK_LIMIT).stream()
        .map(lead -> AtRiskReport.Item.of(lead, now))
        .toList());
  }

  private ReportPeriod period(DealershipPrincipal caller, PeriodParameters p) {
    return ReportPeriod.read(p.from(), p.to(), p.period(), ZoneId.of(caller.dealership().timeZone()), clock);
  }

  static FunnelGrouping grouping(String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return FunnelGrouping.NONE;
    }
    try {
      FunnelGrouping grouping = FunnelGrouping.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
      if (grouping != FunnelGrouping.NONE) {
        return grouping;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.invalid("groupBy", "must be one of source, agent, grade, step, channel, variant");
  }

  /**
   * The step whose variants group the leads: required with groupBy=variant (a lead can have variants at several
   * steps), refused with any other grouping.
   */
  static String variantStep(FunnelGrouping grouping, String step) {
    boolean given = step != null && !step.isBlank();
    if (grouping == FunnelGrouping.VARIANT && !given) {
      throw ApiException.invalid("step", "required with groupBy=variant: the id of the plan step whose variants "
          + "group the leads (e.g. step=sms-1)");
    }
    if (grouping != FunnelGrouping.VARIANT && given) {
      throw ApiException.invalid("step", "only with groupBy=variant");
    }
    if (given && step.strip().length() > 64) {
      throw ApiException.invalid("step", "a step id is at most 64 characters");
    }
    return given ? step.strip() : null;
  }

  /** Agents' names for their ids; every other grouping's key is its own label. */
  private Function<String, String> labels(DealershipPrincipal caller, FunnelGrouping grouping) {
    if (grouping != FunnelGrouping.AGENT) {
      return Function.identity();
    }
    Map<String, String> names = agents.listAll(caller.id()).stream()
        .collect(Collectors.toMap(a -> String.valueOf(a.id()), AgentRow::name));
    return key -> names.getOrDefault(key, key);
  }
}
