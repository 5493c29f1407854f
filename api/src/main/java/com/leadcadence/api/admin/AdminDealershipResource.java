package com.leadcadence.api.admin;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.representations.ItemsPage;
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

/** The operator's routes: onboard dealerships, change them, issue and revoke their API keys. */
@AdminOnly
@Path("/v1/admin/dealerships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminDealershipResource {
  private final DealershipOnboarding onboarding;

  public AdminDealershipResource(DealershipOnboarding onboarding) {
    this.onboarding = onboarding;
  }

  @POST
  @Timed
  public Response create(@NotNull DealershipBody body) {
    DealershipCreated created = onboarding.create(body);
    return Response.status(Response.Status.CREATED)
        .header("Location", "/v1/admin/dealerships/" + created.dealership().id())
        .entity(created).build();
  }

  @GET
  @Timed
  public ItemsPage<DealershipView> list() {
    return new ItemsPage<>(onboarding.list(), null);
  }

  @GET
  @Path("/{id}")
  @Timed
  public DealershipView get(@PathParam("id") long id) {
    return onboarding.get(id);
  }

  @PATCH
  @Path("/{id}")
  @Timed
  public DealershipView update(@PathParam("id") long id, @NotNull DealershipBody body) {
    return onboarding.update(id, body);
  }

  /** Body optional: {@code {"label": "crm-2027"}}. */
  @POST
  @Path("/{id}/api-keys")
  @Timed
  public Response issueKey(@PathParam("id") long id, KeyLabel body) {
    return Response.status(Response.Status.CREATED)
        .entity(onboarding.issueKey(id, body == null ? null : body.label())).build();
  }

  @GET
  @Path("/{id}/api-keys")
  @Timed
  public ItemsPage<ApiKeyView> keys(@PathParam("id") long id) {
    return new ItemsPage<>(onboarding.keys(id), null);
  }

  @DELETE
  @Path("/{id}/api-keys/{keyId}")
  @Timed
  public ApiKeyView revokeKey(@PathParam("id") long id, @PathParam("keyId") long keyId) {
    return onboarding.revokeKey(id, keyId);
  }

  /** The optional body of a key request. */
  public record KeyLabel(String label) {}
}
