package com.leadcadence.store.reports;

/**
 * What a funnel report's rows are per, as the SQL expression over FunnelReportDao's lead facts that
 * gives each lead its group key. Only these fixed expressions are ever put into the statement.
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
  CHANNEL("first_attempt_channel");

  private final String sqlExpression;

  FunnelGrouping(String sqlExpression) {
    this.sqlExpression = sqlExpression;
  }

  public String sqlExpression() {
    return sqlExpression;
  }

  /** The rows the report aggregates into: the total alone, or every group and the total. */
  public String totalsSql() {
    return this == NONE ? "SELECT 1 AS is_total" : "SELECT 0 AS is_total UNION ALL SELECT 1";
  }
}
