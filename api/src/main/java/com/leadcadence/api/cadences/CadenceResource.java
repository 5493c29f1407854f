package com.leadcadence.api.cadences;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.store.rows.VariantCounts;
import com.leadcadence.worker.plans.PlanFile;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The cadence plans of the caller's dealership (the dealership key or a manager's token). */
@Path("/v1/cadences")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceResource {
  private final DealershipCadences cadences;
  private final CadenceVariants variants;
  private final PlanMigrations migrations;

  public CadenceResource(DealershipCadences cadences, CadenceVariants variants, PlanMigrations migrations) {
    this.cadences = cadences;
    this.variants = variants;
    this.migrations = migrations;
  }

  @GET
  @Timed
  public ItemsPage<PlanFile> list(@Auth DealershipPrincipal caller) {
    return new ItemsPage<>(cadences.list(caller.requireDealershipScope().id()), null);
  }

  @GET
  @Path("/{name}")
  @Timed
  public PlanFile get(@Auth DealershipPrincipal caller, @PathParam("name") String name,
      @QueryParam("version") Integer version) {
    return cadences.get(caller.requireDealershipScope().id(), name, version);
  }

  @GET
  @Path("/{name}/versions")
  @Timed
  public ItemsPage<PlanFile> versions(@Auth DealershipPrincipal caller, @PathParam("name") String name) {
    return new ItemsPage<>(cadences.versions(caller.requireDealershipScope().id(), name), null);
  }

  /** Sent, response and contact counts per A/B variant of the plan's steps ({@link CadenceVariants}). */
  @GET
  @Path("/{name}/variants")
  @Timed
  public ItemsPage<VariantCounts> variants(@Auth DealershipPrincipal caller, @PathParam("name") String name) {
    return new ItemsPage<>(variants.counts(caller.requireDealershipScope().id(), name), null);
  }

  /** A new version of the plan, from YAML or JSON in the plan files' form. */
  @PUT
  @Path("/{name}")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
  @Timed
  public PlanFile put(@Auth DealershipPrincipal caller, @PathParam("name") String name, String body) {
    return cadences.put(caller.requireDealershipScope().id(), name, body);
  }

  /**
   * Moves the running leads on fromVersion to toVersion from their next step on, in a workflow of its own:
   * 202 and the migration (Location: where to follow it). A dry run that ended within a few seconds is
   * answered complete with 200.
   */
  @POST
  @Path("/{name}/migrate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  public Response migrate(@Auth DealershipPrincipal caller, @PathParam("name") String name, MigrateBody body) {
    MigrationView started = migrations.start(caller.requireDealershipScope().id(), name, body);
    boolean complete = !"RUNNING".equals(started.status());
    return Response.status(complete ? Response.Status.OK : Response.Status.ACCEPTED)
        .header("Location", "/v1/cadences/" + name + "/migrations/" + started.id())
        .entity(started)
        .build();
  }

  /** A migration's progress, counts and a page of its per-lead results (outcome=NO_COUNTERPART: only those). */
  @GET
  @Path("/{name}/migrations/{id}")
  @Timed
  public MigrationView migration(@Auth DealershipPrincipal caller, @PathParam("name") String name,
      @PathParam("id") long id, @QueryParam("outcome") String outcome, @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return migrations.get(caller.requireDealershipScope().id(), name, id, outcome, cursor, limit);
  }
}
