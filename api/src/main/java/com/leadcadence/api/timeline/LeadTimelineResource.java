package com.leadcadence.api.timeline;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/leads/{id}/timeline}: what happened to the lead and who did it, oldest first. */
@Path("/v1/leads/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class LeadTimelineResource {
  private final LeadTimeline timeline;

  public LeadTimelineResource(LeadTimeline timeline) {
    this.timeline = timeline;
  }

  @GET
  @Timed
  public LeadTimelineView timeline(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    return timeline.timeline(caller, id);
  }
}
