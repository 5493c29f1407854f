package com.leadcadence.api.outboundwebhooks;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.representations.ItemsPage;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The dealership's webhooks to its CRM (dealership key or a manager's token). */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
  private final WebhookSubscriptions webhooks;

  public WebhookResource(WebhookSubscriptions webhooks) {
    this.webhooks = webhooks;
  }

  /** 201 with the subscription and its signing secret, shown this once. */
  @POST
  @Timed
  public Response create(@Auth DealershipPrincipal caller, @NotNull WebhookBody body) {
    WebhookView created = webhooks.create(caller.requireDealershipScope().dealership(), body);
    return Response.status(Response.Status.CREATED).header("Location", "/v1/webhooks/" + created.id())
        .entity(created).build();
  }

  @GET
  @Timed
  public ItemsPage<WebhookView> list(@Auth DealershipPrincipal caller) {
    return new ItemsPage<>(webhooks.list(caller.requireDealershipScope().dealership()), null);
  }

  @DELETE
  @Path("/{id}")
  @Timed
  public Response delete(@Auth DealershipPrincipal caller, @PathParam("id") long id) {
    webhooks.delete(caller.requireDealershipScope().dealership(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Timed
  public ItemsPage<DeliveryView> deliveries(@Auth DealershipPrincipal caller, @PathParam("id") long id,
      @QueryParam("status") String status, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return webhooks.deliveries(caller.requireDealershipScope().dealership(), id, status, limit, cursor);
  }
}
