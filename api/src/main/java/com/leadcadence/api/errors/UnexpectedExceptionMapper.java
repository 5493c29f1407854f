package com.leadcadence.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else: 500 with an id to find the stack trace in the log (the body never carries one). A
 * database that cannot be reached (or answers too slowly) is not a bug: 503 with Retry-After and one
 * log line.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (DatabaseFailures.isUnavailable(e)) {
      LOG.warn("Database unavailable: {}", rootMessage(e));
      return Response.fromResponse(ErrorResponses.of(503, null,
              "the database is not available right now; retry the same request later"))
          .header("Retry-After", "5")
          .build();
    }
    String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
    LOG.error("Unexpected error {}", id, e);
    return ErrorResponses.of(500, null, "internal error " + id + " (see the server log)");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
