package com.leadcadence.api.history;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/leads/{id}/history}: the lead's workflow history, one line per event, paged. */
@Path("/v1/leads/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
public class LeadHistoryResource {
  private final LeadHistory history;

  public LeadHistoryResource(LeadHistory history) {
    this.history = history;
  }

  @GET
  @Timed
  public HistoryPage history(@Auth DealershipPrincipal caller, @PathParam("id") long id,
      @QueryParam("pageToken") String pageToken, @QueryParam("limit") String limit) {
    return history.page(caller, id, pageToken, limit);
  }
}
