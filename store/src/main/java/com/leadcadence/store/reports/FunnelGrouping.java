package com.leadcadence.store.reports;

/**
 * What a funnel report's rows are per, as the SQL expression over a lead's report facts (lead_report_facts f) that
 * gives each lead its group key. Only these fixed expressions are ever put into the statement (VARIANT's
 * step is a bound parameter).
 */
public enum FunnelGrouping {
  /** Total row only. */
  NONE("NULL"),
  SOURCE("source"),
  /** The agent the lead is assigned to now (by id). */
  AGENT("CAST(agent_id AS CHAR)"),
  /** The lead's grade now. */
  GRADE("grade"),
  /** The furthest cadence step the lead reached: the step of its touch with the highest step index. */
  STEP("last_step"),
  /** The channel of the lead's first attempt (a message a provider took, or a reported call). */
  CHANNEL("first_attempt_channel"),
  /**
   * The lead's A/B variant at one step (bound as variantStep, see FunnelReportDao#funnel): the variant label
   * of its touch of that step that went out (an attempt: a message a provider took, or the call task
   * created); leads without one (no such touch, or a step without variants) have none. Every touch of one lead
   * at one step carries the same variant, so MAX only picks it.
   */
  VARIANT("(SELECT MAX(vt.variant) FROM touches vt WHERE vt.lead_id = f.id AND vt.step_id = :variantStep"
      + " AND (vt.status = 'TASK_CREATED' OR (vt.provider IS NOT NULL AND vt.status IN ('SENT', 'DELIVERED',"
      + " 'FAILED'))))");

  private final String sqlExpression;

  FunnelGrouping(String sqlExpression) {
    this.sqlExpression = sqlExpression;
  }

  public String sqlExpression() {
    return sqlExpression;
  }
}
