package com.leadcadence.api.leads;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.activities.logging.LeadMdc;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.errors.ApiException;
import com.leadcadence.api.intake.LeadIntake;
import com.leadcadence.api.intake.LeadOptOuts;
import com.leadcadence.api.representations.CreateLeadRequest;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.api.representations.LeadCreated;
import com.leadcadence.api.representations.LeadDetails;
import com.leadcadence.api.representations.LeadView;
import com.leadcadence.api.representations.OptOutBody;
import com.leadcadence.api.representations.OutcomeBody;
import com.leadcadence.api.representations.PauseBody;
import com.leadcadence.api.representations.TouchView;
import com.leadcadence.api.temporal.CadenceEndedException;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import com.leadcadence.api.temporal.LeadWorkflows;
import com.leadcadence.api.temporal.WorkflowMissingException;
import com.leadcadence.store.dao.OutcomeDao;
import com.leadcadence.store.rows.OutcomeRow;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import jakarta.ws.rs.HeaderParam;
import com.leadcadence.store.dao.LeadChangeDao;
import com.leadcadence.store.dao.LeadDao;
import com.leadcadence.store.dao.TouchDao;
import com.leadcadence.store.rows.LeadChangeKind;
import com.leadcadence.store.rows.LeadRow;
import com.leadcadence.workflows.model.LeadState;
import com.leadcadence.workflows.model.LeadStatus;
import com.leadcadence.workflows.model.OptOutRequest;
import com.leadcadence.workflows.model.PauseRequest;
import com.leadcadence.workflows.model.Rescore;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads of the calling dealership. Every lookup is scoped to the API key's dealership, and a lead of
 * another dealership is "not found" (404, never 403), so ids reveal nothing.
 */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {
  private static final Logger LOG = LoggerFactory.getLogger(LeadResource.class);
  private static final String API_SOURCE = "api";

  private final LeadIntake intake;
  private final LeadDao leads;
  private final TouchDao touches;
  private final LeadOptOuts optOuts;
  private final LeadWorkflows workflows;
  private final OutcomeDao outcomes;

  private final LeadReassignment reassignment;
  private final LeadSearch search;
  private final LeadChangeDao changes;

  public LeadResource(LeadDao leads, TouchDao touches, OutcomeDao outcomes, LeadIntake intake, LeadOptOuts optOuts,
      LeadWorkflows workflows, LeadReassignment reassignment, LeadSearch search, LeadChangeDao changes) {
    this.search = search;
    this.changes = changes;
    this.intake = intake;
    this.outcomes = outcomes;
    this.leads = leads;
    this.touches = touches;
    this.optOuts = optOuts;
    this.workflows = workflows;
    this.reassignment = reassignment;
  }

  /**
   * 201 with the new lead (with duplicateOf when it repeats an open lead); 200 with the existing one for
   * a repeat of the same (source, externalId) (nothing is started twice).
   */
  @POST
  @Timed
  public Response create(@Auth DealershipPrincipal caller, @NotNull @Valid CreateLeadRequest request) {
    return IntakeAnswers.of(intake.intake(caller.requireDealershipScope().dealership(), request));
  }

  /** Keyset pages of the dealership's leads: newest first, or in change order with updatedSince. */
  @GET
  @Timed
  public ItemsPage<LeadDetails> search(@Auth DealershipPrincipal caller, @QueryParam("status") String status,
      @QueryParam("grade") String grade, @QueryParam("source") String source, @QueryParam("agentId") String agentId,
      @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
      @QueryParam("updatedSince") String updatedSince, @QueryParam("q") String q,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return search.search(caller, new LeadSearchQuery.Parameters(status, grade, source, agentId, createdFrom,
        createdTo, updatedSince, q, limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Timed
  public LeadView get(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    LeadRow lead = find(caller, id);
    if (lead.status() == LeadStatus.DUPLICATE) {
      // No workflow of its own: its inquiry went to the original's cadence (lead.duplicateOf).
      return new LeadView(LeadDetails.of(lead), null, null,
          touches.listByLead(lead.id()).stream().map(TouchView::of).toList());
    }
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      LeadWorkflows.StateReading reading = workflows.state(lead.workflowId());
      if (reading.state() == null && lead.status() == LeadStatus.STARTING) {
        // Its workflow may run already (a row not updated yet); if not, it starts within a minute.
        reading = new LeadWorkflows.StateReading(null,
            "the cadence has not started yet (it starts within a minute): " + reading.error());
      }
      if (reading.error() != null) {
        LOG.info("State of lead {} unavailable: {}", lead.id(), reading.error());
      }
      return new LeadView(LeadDetails.of(lead), reading.state(), reading.error(),
          touches.listByLead(lead.id()).stream().map(TouchView::of).toList());
    }
  }

  /**
   * Applies the outcome through the workflow's Update: 200 with the new state, 409 once the cadence
   * ended. With an Idempotency-Key the key is the Update's id: a retry gets the first answer again
   * (200, also after a terminal outcome closed the cadence) and nothing is applied twice; the same key
   * with another outcome type is refused (422). 503 with Retry-After while Temporal cannot be reached,
   * for a lead whose cadence is still starting, or when the workflow does not answer in time.
   */
  @POST
  @Path("/{id}/outcomes")
  @Timed
  public LeadState recordOutcome(@Auth DealershipPrincipal caller, @PathParam("id") long id,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, @NotNull @Valid OutcomeBody body) {
    IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
    LeadRow lead = requireOwnCadence(find(caller, id));
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      String updateId = key == null ? null : key.leadOutcomeUpdateId();
      Optional<OutcomeRow> earlier = earlierOutcome(lead, updateId);
      if (earlier.isPresent() && earlier.get().type() != body.type()) {
        throw ApiException.invalid(IdempotencyKey.HEADER,
            "was used for a " + earlier.get().type() + " outcome of this lead; use a new key for another outcome");
      }
      LeadState state;
      try {
        state = workflows.recordOutcome(lead.workflowId(), body.toOutcome(), updateId);
      } catch (CadenceEndedException e) {
        if (earlier.isPresent() || earlierOutcome(lead, updateId).isPresent()) {
          // This key's outcome ended the cadence: the retry gets the state it left.
          LOG.info("Outcome {} for lead {} repeated with the same Idempotency-Key: answered again", body.type(), id);
          return stateAfterSignal(lead);
        }
        throw notStartedYet(lead, e);
      }
      LOG.info("Outcome {} recorded for lead {}: status {}", body.type(), lead.id(), state.status());
      return state;
    }
  }

  /** The outcome stored under this Update id, if the workflow recorded one. */
  private Optional<OutcomeRow> earlierOutcome(LeadRow lead, String updateId) {
    return updateId == null
        ? Optional.empty()
        : outcomes.findByKey(IdempotencyKey.outcomeKey(lead.workflowId(), updateId));
  }

  /**
   * A lead still STARTING may have no workflow yet (its start is retried within a minute): that is a
   * 503 to retry, not the 409 of a cadence that has ended.
   */
  private static RuntimeException notStartedYet(LeadRow lead, CadenceEndedException e) {
    if (lead.status() == LeadStatus.STARTING && e instanceof WorkflowMissingException) {
      return new CadenceUnavailableException(
          "the lead's cadence is still starting (it starts within a minute)", e);
    }
    return e;
  }

  /**
   * Records the opt-out for the lead's addresses with the dealership (it outlives this lead and
   * applies to the address's other leads), then tells the workflow. 200 with the state after it; 202
   * without a body for a lead whose cadence has not started (its start will read the registry).
   */
  @POST
  @Path("/{id}/opt-out")
  @Timed
  public Response optOut(
      @Auth DealershipPrincipal caller, @PathParam("id") long id, @NotNull @Valid OptOutBody body) {
    LeadRow lead = find(caller, id);
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      optOuts.record(lead, body.channels(), API_SOURCE);
      LOG.info("Opt-out {} recorded for lead {}", body.channels(), lead.id());
      if (lead.status() == LeadStatus.DUPLICATE) {
        // No cadence of its own; the original's sends check the same per-address registry first.
        return Response.accepted().build();
      }
      if (lead.status() == LeadStatus.STARTING && !workflows.available()) {
        return Response.accepted().build();
      }
      workflows.optOut(lead.workflowId(), new OptOutRequest(body.channels(), API_SOURCE));
      if (lead.status() == LeadStatus.STARTING) {
        // Its workflow may run already (the row was not updated yet): then the signal reached it.
        LeadWorkflows.StateReading reading = workflows.state(lead.workflowId());
        return reading.state() == null ? Response.accepted().build() : Response.ok(reading.state()).build();
      }
      return Response.ok(stateAfterSignal(lead)).build();
    }
  }

  @POST
  @Path("/{id}/pause")
  @Timed
  public LeadState pause(@Auth DealershipPrincipal caller, @PathParam("id") long id, @Valid PauseBody body) {
    return signalPause(caller, id, LeadChangeKind.PAUSED, body, lead ->
        workflows.pause(lead.workflowId(), new PauseRequest(reason(body, "paused via API"))));
  }

  @POST
  @Path("/{id}/resume")
  @Timed
  public LeadState resume(@Auth DealershipPrincipal caller, @PathParam("id") long id, @Valid PauseBody body) {
    return signalPause(caller, id, LeadChangeKind.RESUMED, body, lead ->
        workflows.resume(lead.workflowId(), new PauseRequest(reason(body, "resumed via API"))));
  }

  /**
   * Pause and resume differ only in the signal they send. Once the workflow has the signal, the change
   * goes to the lead's timeline with who asked for it.
   */
  private LeadState signalPause(DealershipPrincipal caller, long id, LeadChangeKind kind, PauseBody body,
      Consumer<LeadRow> signal) {
    LeadRow lead = requireOwnCadence(find(caller, id));
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      try {
        signal.accept(lead);
      } catch (CadenceEndedException e) {
        throw notStartedYet(lead, e);
      }
      changes.recordPauseChange(lead.id(), kind, caller.agent() == null ? "CRM via API key"
          : caller.agent().role().name().toLowerCase(Locale.ROOT) + " " + caller.agent().name(),
          body == null ? null : body.reason(), Instant.now());
      LOG.info("Lead {} {}", lead.id(), kind.name().toLowerCase(Locale.ROOT));
      return stateAfterSignal(lead);
    }
  }

  /**
   * The CRM's new score for the lead (0-100): its workflow takes it, the grade follows, and a move into
   * another grade moves the rest of the cadence to that grade's plan. 200 with the state after it.
   */
  @POST
  @Path("/{id}/score")
  @Timed
  public LeadState rescore(@Auth DealershipPrincipal caller, @PathParam("id") long id,
      @NotNull @Valid ScoreBody body) {
    LeadRow lead = requireOwnCadence(find(caller, id));
    try (LeadMdc mdc = LeadMdc.put(lead.id(), lead.workflowId())) {
      try {
        workflows.rescore(lead.workflowId(), new Rescore(body.score()));
      } catch (CadenceEndedException e) {
        throw notStartedYet(lead, e);
      }
      LOG.info("Lead {} rescored to {}", lead.id(), body.score());
      return stateAfterSignal(lead);
    }
  }

  /** {"score": 0-100}: the CRM's score of the lead. */
  public record ScoreBody(
      @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100) Integer score) {}

  /** Moves the lead and its open tasks to another agent and tells its workflow: 200 with the lead. */
  @POST
  @Path("/{id}/reassign")
  @Timed
  public LeadDetails reassign(
      @Auth DealershipPrincipal caller, @PathParam("id") long id, @NotNull @Valid ReassignBody body) {
    LeadRow lead = requireOwnCadence(find(caller, id));
    return LeadDetails.of(reassignment.reassign(caller.dealership(), lead, body.agentId()));
  }

  /** {"agentId": ...}: an active agent of the lead's dealership. */
  public record ReassignBody(@NotNull @jakarta.validation.constraints.Positive Long agentId) {}

  private LeadRow find(DealershipPrincipal caller, long id) {
    caller.requireDealershipScope();
    return leads.findByIdForDealership(caller.id(), id).orElseThrow(() -> ApiException.notFound("lead " + id));
  }

  /** A DUPLICATE has no workflow: what would act on one belongs to its original (409 naming it). */
  private static LeadRow requireOwnCadence(LeadRow lead) {
    if (lead.status() == LeadStatus.DUPLICATE) {
      throw ApiException.conflict("lead " + lead.id() + " is a duplicate of lead " + lead.duplicateOf()
          + " and has no cadence of its own: act on lead " + lead.duplicateOf());
    }
    return lead;
  }

  /** Queries are consistent with signals already accepted, so the state shows the signal's effect. */
  private LeadState stateAfterSignal(LeadRow lead) {
    LeadWorkflows.StateReading reading = workflows.state(lead.workflowId());
    if (reading.state() == null) {
      throw new CadenceUnavailableException(reading.error(), null);
    }
    return reading.state();
  }

  private static String reason(PauseBody body, String fallback) {
    return body == null || body.reason() == null || body.reason().isBlank() ? fallback : body.reason();
  }
}
