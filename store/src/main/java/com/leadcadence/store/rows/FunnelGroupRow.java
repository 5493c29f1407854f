package com.leadcadence.store.rows;

import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.mapper.Nested;

/**
 * One group of FunnelReportDao's funnel query, with the whole period's percentiles where the value at
 * the overall rank falls in this group (null in every other group).
 */
public record FunnelGroupRow(
    @Nested FunnelCounts counts,
    Long overallResponseMedianMs,
    Long overallResponseP90Ms,
    Long overallContactMedianMs,
    Long overallContactP90Ms) {

  /** The total: the groups' counts summed, the overall percentiles from the group that holds each. */
  public static FunnelCounts total(List<FunnelGroupRow> groups) {
    long[] sums = new long[15];
    for (FunnelGroupRow g : groups) {
      FunnelCounts c = g.counts();
      long[] values = {c.leads(), c.attemptedWithin5Min(), c.contacted(), c.appointments(), c.sold(), c.attempts(),
          c.emailsSent(), c.emailsEngaged(), c.textsSent(), c.textsReplied(), c.callTasks(), c.callsAnswered(),
          c.voicemailsSent(), c.voicemailCallbacks(), c.messagesFailed()};
      for (int i = 0; i < values.length; i++) {
        sums[i] += values[i];
      }
    }
    return new FunnelCounts(true, null, sums[0],
        first(groups, FunnelGroupRow::overallResponseMedianMs), first(groups, FunnelGroupRow::overallResponseP90Ms),
        first(groups, FunnelGroupRow::overallContactMedianMs), first(groups, FunnelGroupRow::overallContactP90Ms),
        sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], sums[9], sums[10], sums[11], sums[12],
        sums[13], sums[14], groups.stream().mapToLong(g -> g.counts().optedOut()).sum());
  }

  private static Long first(List<FunnelGroupRow> groups, java.util.function.Function<FunnelGroupRow, Long> value) {
    return groups.stream().map(value).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
