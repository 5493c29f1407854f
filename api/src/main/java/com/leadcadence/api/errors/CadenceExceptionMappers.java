package com.leadcadence.api.errors;

import com.leadcadence.api.temporal.CadenceEndedException;
import com.leadcadence.api.temporal.CadenceUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 409 for a cadence that has ended, 503 when Temporal is not reachable (the client may retry). */
public final class CadenceExceptionMappers {
  private static final Logger LOG = LoggerFactory.getLogger(CadenceExceptionMappers.class);

  private CadenceExceptionMappers() {}

  @Provider
  public static class Ended implements ExceptionMapper<CadenceEndedException> {
    @Override
    public Response toResponse(CadenceEndedException e) {
      return ErrorResponses.of(409, null, e.getMessage());
    }
  }

  @Provider
  public static class Unavailable implements ExceptionMapper<CadenceUnavailableException> {
    @Override
    public Response toResponse(CadenceUnavailableException e) {
      LOG.warn("Temporal unavailable: {}", e.getMessage());
      return Response.fromResponse(
              ErrorResponses.of(503, null, e.getMessage() + "; retry the same request later"))
          .header("Retry-After", "5")
          .build();
    }
  }
}
