package com.leadcadence.api.cadences;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.representations.ItemsPage;
import com.leadcadence.worker.plans.PlanFile;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The cadence plans of the caller's dealership (the dealership key or a manager's token). */
@Path("/v1/cadences")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceResource {
  private final DealershipCadences cadences;

  public CadenceResource(DealershipCadences cadences) {
    this.cadences = cadences;
  }

  @GET
  @Timed
  public ItemsPage<PlanFile> list(@Auth DealershipPrincipal caller) {
    caller.requireDealershipScope();
    return new ItemsPage<>(cadences.list(), null);
  }

  @GET
  @Path("/{name}")
  @Timed
  public PlanFile get(@Auth DealershipPrincipal caller, @PathParam("name") String name) {
    caller.requireDealershipScope();
    return cadences.get(name);
  }
}
