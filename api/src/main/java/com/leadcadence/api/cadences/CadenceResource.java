package com.leadcadence.api.cadences;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.store.rows.VariantCounts;
import com.leadcadence.worker.plans.PlanFile;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The cadence plans of the caller's dealership (the dealership key or a manager's token). */
@Path("/v1/cadences")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceResource {
  private final DealershipCadences cadences;
  private final CadenceVariants variants;

  public CadenceResource(DealershipCadences cadences, CadenceVariants variants) {
    this.cadences = cadences;
    this.variants = variants;
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
}
