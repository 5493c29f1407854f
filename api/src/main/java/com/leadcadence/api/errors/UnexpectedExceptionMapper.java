package com.leadcadence.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else: 500 with an id to find the stack trace in the log (the body never carries one). */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
    LOG.error("Unexpected error {}", id, e);
    return ErrorResponses.of(500, null, "internal error " + id + " (see the server log)");
  }
}
