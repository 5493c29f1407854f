package com.leadcadence.api.cadences;

import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.store.dao.CadenceMigrationDao;
import com.leadcadence.store.rows.CadenceMigrationRow;
import com.leadcadence.store.rows.MigrationLeadRow;
import com.leadcadence.store.rows.MigrationOutcome;
import com.leadcadence.store.rows.MigrationStatus;
import com.leadcadence.workflows.migration.MigrationPace;
import com.leadcadence.workflows.migration.PlanMigrationInput;
import com.leadcadence.workflows.migration.PlanMigrationWorkflow;
import com.leadcadence.workflows.model.CadencePlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan migrations of a dealership's running leads: checks the request, records the migration and starts its
 * workflow ({@link PlanMigrationWorkflow}), which does the work at its own pace; reads one back with a page of
 * its per-lead results. A dry run is waited for up to {@link #DRY_RUN_WAIT}, so a small one answers complete.
 */
public final class PlanMigrations {
  /** How long the POST of a dry run waits for it to end before answering it still RUNNING. */
  public static final Duration DRY_RUN_WAIT = Duration.ofSeconds(5);
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;
  static final double MAX_LEADS_PER_SECOND = 100;
  private static final Logger log = LoggerFactory.getLogger(PlanMigrations.class);

  private final DealershipCadences cadences;
  private final CadenceMigrationDao migrations;
  private final MigrationWorkflows workflows;
  private final Clock clock;

  public PlanMigrations(DealershipCadences cadences, CadenceMigrationDao migrations, MigrationWorkflows workflows,
      Clock clock) {
    this.cadences = cadences;
    this.migrations = migrations;
    this.workflows = workflows;
    this.clock = clock;
  }

  /**
   * Records and starts the migration; 404 for a plan the dealership does not have, 422 naming the field for
   * a version it does not have (or the same version twice), 503 when Temporal cannot be reached (the
   * migration is then recorded FAILED, and nothing was changed).
   */
  public MigrationView start(long dealershipId, String name, MigrateBody body) {
    if (body == null) {
      throw ApiException.invalid("fromVersion", "required");
    }
    cadences.versions(dealershipId, name); // 404 for an unknown plan
    int from = required("fromVersion", body.fromVersion());
    int to = required("toVersion", body.toVersion());
    if (from == to) {
      throw ApiException.invalid("toVersion", "must differ from fromVersion (both " + from + ")");
    }
    double perSecond = body.leadsPerSecond() == null ? MigrationPace.DEFAULT_LEADS_PER_SECOND : body.leadsPerSecond();
    if (!(perSecond >= 1 && perSecond <= MAX_LEADS_PER_SECOND)) {
      throw ApiException.invalid("leadsPerSecond", "must be from 1 to " + (int) MAX_LEADS_PER_SECOND);
    }
    if (cadences.plan(dealershipId, name, from).isEmpty()) {
      throw ApiException.invalid("fromVersion", "cadence plan " + name + " has no version " + from);
    }
    CadencePlan target = cadences.plan(dealershipId, name, to)
        .orElseThrow(() -> ApiException.invalid("toVersion", "cadence plan " + name + " has no version " + to));
    boolean dryRun = Boolean.TRUE.equals(body.dryRun());
    workflows.requireAvailable();
    int total = migrations.countRunningLeads(dealershipId, name, from);
    long id = migrations.insert(dealershipId, name, from, to, dryRun, total);
    migrations.setWorkflowId(id, PlanMigrationWorkflow.workflowId(id));
    try {
      workflows.start(new PlanMigrationInput(id, dealershipId, name, from, target, dryRun,
          new MigrationPace(perSecond, 0, 0), 0, 0));
    } catch (CadenceUnavailableException e) {
      migrations.finish(id, MigrationStatus.FAILED, truncate("its workflow could not be started: " + e.getMessage()),
          clock.instant());
      throw e;
    }
    log.info("migration {} of dealership {}: {} v{} to v{}{}, {} running leads", id, dealershipId, name, from, to,
        dryRun ? " (dry run)" : "", total);
    if (dryRun) {
      workflows.awaitEnd(id, DRY_RUN_WAIT);
    }
    return get(dealershipId, name, id, null, null, null);
  }

  /**
   * The migration with a page of its per-lead results by lead id (outcome: only those, e.g. NO_COUNTERPART;
   * cursor: the previous page's nextCursor); 404 for another dealership's or another plan's migration.
   */
  public MigrationView get(long dealershipId, String name, long id, String outcome, String cursor, Integer limit) {
    CadenceMigrationRow row = migrations.find(dealershipId, name, id)
        .orElseThrow(() -> ApiException.notFound("migration " + id + " of cadence plan " + name));
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      throw ApiException.badRequest("limit", "must be from 1 to " + MAX_LIMIT);
    }
    List<MigrationLeadRow> rows = migrations.leads(id, outcome(outcome), after(cursor), pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<MigrationLeadRow> page = more ? rows.subList(0, pageSize) : rows;
    return MigrationView.of(row, page.stream().map(MigrationLeadView::of).toList(),
        more ? String.valueOf(page.get(page.size() - 1).leadId()) : null);
  }

  private static int required(String field, Integer value) {
    if (value == null) {
      throw ApiException.invalid(field, "required");
    }
    return value;
  }

  private static MigrationOutcome outcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    try {
      return MigrationOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("outcome", "one of " + List.of(MigrationOutcome.values()));
    }
  }

  /** The cursor is the last lead id of the previous page. */
  private static long after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(cursor.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this API gave out");
    }
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }
}
