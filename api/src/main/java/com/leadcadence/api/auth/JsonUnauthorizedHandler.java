package com.leadcadence.api.auth;

import com.leadcadence.api.errors.ErrorResponses;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 401 in the API's error format, with the challenge a client needs. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {
  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.fromResponse(
            ErrorResponses.of(401, "Authorization", "a valid 'Authorization: Bearer <api key>' header is required"))
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
