package com.leadcadence.api.cadences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcadence.activities.templates.MessageTemplates;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.representations.ErrorResponse.FieldError;
import com.leadcadence.store.dao.CadencePlanDao;
import com.leadcadence.store.rows.CadencePlanRow;
import com.leadcadence.worker.plans.CadencePlanLoader;
import com.leadcadence.worker.plans.CadencePlanValidator.ValidPlan;
import com.leadcadence.worker.plans.CadencePlans;
import com.leadcadence.worker.plans.PlanFile;
import com.leadcadence.worker.plans.PlanProblem;
import com.leadcadence.workflows.model.CadencePlan;
import com.leadcadence.workflows.plan.TemplateRef;
import io.dropwizard.jackson.Jackson;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cadence plans of a dealership: the defaults read at start ({@code cadencesDir}), each replaced by the
 * dealership's own plan of the same name when it has one, plus its own plans of other names. Plans are
 * shown and taken in the plan files' form; every write is a new version, and old versions stay readable.
 */
public final class DealershipCadences {
  private static final Logger log = LoggerFactory.getLogger(DealershipCadences.class);
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  private final CadencePlans defaults;
  private final CadencePlanLoader loader;
  private final MessageTemplates templates;
  private final CadencePlanDao stored;

  public DealershipCadences(CadencePlans defaults, CadencePlanLoader loader, MessageTemplates templates,
      CadencePlanDao stored) {
    this.defaults = defaults;
    this.loader = loader;
    this.templates = templates;
    this.stored = stored;
  }

  /** The plans the dealership's new leads get (intake's choice by grade and source). */
  public CadencePlans plansFor(long dealershipId) {
    List<ValidPlan> own = stored.latest(dealershipId).stream().flatMap(row -> read(row).stream()).toList();
    if (own.isEmpty()) {
      return defaults;
    }
    List<PlanProblem> problems = new ArrayList<>();
    CadencePlans plans = loader.overlay(defaults, own, problems);
    if (!problems.isEmpty()) {
      log.warn("dealership {}: its own plans no longer fit the defaults ({}); its leads get the defaults",
          dealershipId, problems);
      return defaults;
    }
    return plans;
  }

  public List<PlanFile> list(long dealershipId) {
    return plansFor(dealershipId).all().stream().map(ValidPlan::written).toList();
  }

  /** The current plan of that name, or one version of it (a default's own version, or a stored one); 404. */
  public PlanFile get(long dealershipId, String name, Integer version) {
    if (version == null) {
      return plansFor(dealershipId).named(name).map(ValidPlan::written)
          .orElseThrow(() -> ApiException.notFound("cadence plan " + name));
    }
    return version(dealershipId, name, version).map(ValidPlan::written)
        .orElseThrow(() -> ApiException.notFound("cadence plan " + name + " version " + version));
  }

  /** One version of the plan as the workflows run it (a migration's target), or empty when there is none. */
  public Optional<CadencePlan> plan(long dealershipId, String name, int version) {
    return version(dealershipId, name, version).map(ValidPlan::plan);
  }

  private Optional<ValidPlan> version(long dealershipId, String name, int version) {
    Optional<ValidPlan> current = plansFor(dealershipId).named(name).filter(p -> p.plan().version() == version);
    if (current.isPresent()) {
      return current;
    }
    return stored.find(dealershipId, name, version).flatMap(this::read)
        .or(() -> defaults.named(name).filter(p -> p.plan().version() == version));
  }

  /** Every version of the plan, oldest first: the default's, then the dealership's own. */
  public List<PlanFile> versions(long dealershipId, String name) {
    List<PlanFile> all = new ArrayList<>();
    defaults.named(name).ifPresent(p -> all.add(p.written()));
    stored.versions(dealershipId, name).forEach(row -> read(row).ifPresent(p -> all.add(p.written())));
    if (all.isEmpty()) {
      throw ApiException.notFound("cadence plan " + name);
    }
    return all;
  }

  /**
   * Stores the plan (YAML or JSON, in the plan files' form) as the next version of {@code name}, whatever
   * version the body says (a body as GET answered it is accepted); 422 naming every mistake's field.
   */
  public PlanFile put(long dealershipId, String name, String body) {
    List<PlanProblem> problems = new ArrayList<>();
    Optional<ValidPlan> plan = loader.readOne(name, body, problems);
    if (plan.isPresent() && !plan.get().plan().name().equals(name)) {
      problems.add(new PlanProblem(name, null, "name", "'" + plan.get().plan().name()
          + "' is not the plan named in the path ('" + name + "')"));
    }
    if (problems.isEmpty()) {
      List<ValidPlan> own = new ArrayList<>(stored.latest(dealershipId).stream().flatMap(r -> read(r).stream())
          .filter(p -> !p.plan().name().equals(name)).toList());
      own.add(plan.get());
      loader.overlay(defaults, own, problems);
    }
    if (problems.isEmpty()) {
      try {
        templates.verify(plan.get().plan().steps().stream()
            .flatMap(s -> s.templateIds().stream().map(t -> new TemplateRef(s.channel(), t)))
            .collect(Collectors.toSet()));
      } catch (IllegalStateException e) {
        throw ApiException.invalid("template", e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(ApiException.UNPROCESSABLE, problems.stream().map(DealershipCadences::fieldError).toList());
    }
    int after = defaults.named(name).map(p -> p.plan().version()).orElse(0);
    try {
      stored.insertNextVersion(dealershipId, name, after, JSON.writeValueAsString(plan.get().written()));
    } catch (UnableToExecuteStatementException e) {
      if (!(e.getCause() instanceof SQLIntegrityConstraintViolationException)) {
        throw e;
      }
      throw ApiException.conflict("cadence plan " + name + " was changed at the same moment; send it again");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return get(dealershipId, name, null);
  }

  /** "steps.sms-1.template" for a step's field, the field itself for the plan's own. */
  private static FieldError fieldError(PlanProblem p) {
    String field = p.step() != null ? "steps." + p.step() + (p.field() != null ? "." + p.field() : "") : p.field();
    return new FieldError(field, p.message());
  }

  private Optional<ValidPlan> read(CadencePlanRow row) {
    List<PlanProblem> problems = new ArrayList<>();
    Optional<ValidPlan> plan = loader.readOne(row.name(), row.body(), problems)
        .map(p -> p.withVersion(row.version()));
    if (!problems.isEmpty()) {
      log.warn("dealership {}: stored plan {} version {} is no longer valid: {}", row.dealershipId(), row.name(),
          row.version(), problems);
    }
    return plan;
  }
}
