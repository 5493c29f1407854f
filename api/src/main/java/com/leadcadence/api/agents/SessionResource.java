package com.leadcadence.api.agents;

import com.codahale.metrics.annotation.Timed;
import com.leadcadence.api.auth.ApiKeyAuthenticator;
import com.leadcadence.api.auth.DealershipPrincipal;
import com.leadcadence.api.auth.SessionCookie;
import com.leadcadence.api.errors.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The browser pages' sign-in: the token is exchanged for an HttpOnly, SameSite=Strict cookie, so it
 * never sits in the page's storage or in a URL, and EventSource (which sends no headers) is signed in too.
 */
@Path("/v1/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  private final ApiKeyAuthenticator authenticator;

  public SessionResource(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  public record SignIn(@NotNull String token) {}

  public record Who(Long agentId, String name, String role, long dealershipId, String dealershipName) {
    static Who of(DealershipPrincipal p) {
      return new Who(p.agentId(), p.getName(), p.agent() == null ? "DEALERSHIP" : p.agent().role().name(),
          p.id(), p.dealership().name());
    }
  }

  @POST
  @Timed
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signIn(@NotNull SignIn body, @Context UriInfo uri, @Context HttpHeaders headers) {
    DealershipPrincipal caller = authenticator.authenticate(body.token())
        .orElseThrow(() -> new ApiException(401, java.util.List.of(
            new com.leadcadence.api.representations.ErrorResponse.FieldError("token", "is not a valid token"))));
    return Response.ok(Who.of(caller)).cookie(SessionCookie.of(body.token().trim(), secure(uri, headers))).build();
  }

  @GET
  @Timed
  public Who whoAmI(@Auth DealershipPrincipal caller) {
    return Who.of(caller);
  }

  @DELETE
  @Timed
  public Response signOut(@Context UriInfo uri, @Context HttpHeaders headers) {
    return Response.noContent().cookie(SessionCookie.cleared(secure(uri, headers))).build();
  }

  /** Secure cookies over https, also behind a proxy that terminates TLS. */
  private static boolean secure(UriInfo uri, HttpHeaders headers) {
    return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
        || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
  }
}
