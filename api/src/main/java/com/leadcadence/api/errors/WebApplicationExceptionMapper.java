package com.leadcadence.api.errors;

import com.leadcadence.api.representations.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own errors (404 unknown path, 405, 415 wrong media type...) in our error body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    if (original.getEntity() instanceof ErrorResponse) {
      return original; // already in our format (e.g. the 401 of JsonUnauthorizedHandler)
    }
    int status = original.getStatus();
    String message = e.getMessage() == null ? original.getStatusInfo().getReasonPhrase() : e.getMessage();
    Response.ResponseBuilder answer = Response.fromResponse(ErrorResponses.of(status, null, message));
    original.getHeaders().forEach((name, values) -> {
      if (!"Content-Type".equalsIgnoreCase(name)) {
        values.forEach(v -> answer.header(name, v));
      }
    });
    return answer.build();
  }
}
