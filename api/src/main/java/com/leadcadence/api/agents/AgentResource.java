package com.leadcadence.api.agents;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.representations.ItemsPage;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A dealership's agents and managers (dealership key or a manager's token). */
@Path("/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {
  private final AgentService agents;

  public AgentResource(AgentService agents) {
    this.agents = agents;
  }

  @GET
  @Timed
  public ItemsPage<AgentView> list(@Auth DealershipPrincipal caller) {
    return new ItemsPage<>(agents.list(caller.requireDealershipScope().dealership()), null);
  }

  @POST
  @Timed
  public Response create(@Auth DealershipPrincipal caller, @NotNull @Valid AgentBody body) {
    AgentView agent = agents.create(caller.requireDealershipScope().dealership(), body);
    return Response.status(Response.Status.CREATED).header("Location", "/v1/agents/" + agent.id()).entity(agent).build();
  }

  @GET
  @Path("/{id}")
  @Timed
  public AgentView get(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    return agents.get(caller.requireDealershipScope().dealership(), id);
  }

  @PATCH
  @Path("/{id}")
  @Timed
  public AgentView update(@Auth DealershipPrincipal caller, @PathParam("id") long id, @NotNull @Valid AgentBody body) {
    return agents.update(caller.requireDealershipScope().dealership(), id, body);
  }

  @POST
  @Path("/{id}/deactivate")
  @Timed
  public AgentView deactivate(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    return agents.deactivate(caller.requireDealershipScope().dealership(), id);
  }

  /** The agent's own token, shown once: sent as {@code Authorization: Bearer <token>}. */
  @POST
  @Path("/{id}/token")
  @Timed
  public Response issueToken(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    String token = agents.issueToken(caller.requireDealershipScope().dealership(), id);
    return Response.status(Response.Status.CREATED).entity(Map.of("token", token)).build();
  }

  /** Revokes every token of the agent. */
  @DELETE
  @Path("/{id}/token")
  @Timed
  public Map<String, Integer> revokeTokens(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    return Map.of("revoked", agents.revokeTokens(caller.requireDealershipScope().dealership(), id));
  }
}
