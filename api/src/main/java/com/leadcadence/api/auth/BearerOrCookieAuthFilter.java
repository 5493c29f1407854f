package com.leadcadence.api.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The credential comes from {@code Authorization: Bearer <key or token>} or, for the agent page, from
 * its HttpOnly session cookie (a browser's EventSource cannot send headers). Never from a query
 * parameter: a credential in a URL ends up in logs and browser history.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerOrCookieAuthFilter extends AuthFilter<String, DealershipPrincipal> {
  static final String BEARER = "Bearer";

  @Override
  public void filter(ContainerRequestContext request) {
    String credential = fromHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    String scheme = BEARER;
    if (credential == null) {
      Cookie cookie = request.getCookies().get(SessionCookie.NAME);
      credential = cookie == null ? null : cookie.getValue();
      scheme = "Cookie";
    }
    if (!authenticate(request, credential, scheme)) {
      throw new WebApplicationException(unauthorizedHandler.buildResponse(prefix, realm));
    }
  }

  private static String fromHeader(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(BEARER)) {
      return null;
    }
    return header.substring(space + 1).trim();
  }

  /** Built like Dropwizard's own filters. */
  public static final class Builder extends AuthFilterBuilder<String, DealershipPrincipal, BearerOrCookieAuthFilter> {
    @Override
    protected BearerOrCookieAuthFilter newInstance() {
      return new BearerOrCookieAuthFilter();
    }
  }
}
