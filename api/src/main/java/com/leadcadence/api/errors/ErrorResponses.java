package com.leadcadence.api.errors;

import com.leadcadence.api.representations.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error responses every mapper and filter returns. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(int status, ErrorResponse body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  public static Response of(int status, String field, String message) {
    return of(status, ErrorResponse.of(field, message));
  }
}
